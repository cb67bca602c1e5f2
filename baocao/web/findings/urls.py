from django.urls import path

from baocao.web.findings import views

app_name = "findings"

urlpatterns = [
    path("<int:pk>/xu-ly/", views.act, name="act"),
]
