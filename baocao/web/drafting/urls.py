from django.urls import path

from baocao.web.drafting import views

app_name = "drafting"

urlpatterns = [
    path("", views.page, name="page"),
    path("tai-ve/", views.file, name="file"),
]
