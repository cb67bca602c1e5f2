from django.urls import path

from baocao.web.tasks import views

app_name = "tasks"

urlpatterns = [
    path("", views.task_list, name="list"),
    path("<int:pk>/trang-thai/", views.task_status, name="status"),
]
