from django.urls import path

from baocao.web.reports import views, views_upload

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("tai-len/", views_upload.upload_page, name="upload"),
    path("tai-len/phan-tich/", views_upload.analyse_files, name="analyse"),
    path("tai-len/luu/", views_upload.store_files, name="store"),
    path("<int:pk>/", views.review, name="review"),
    path("<int:pk>/trang-thai/", views.change_status, name="status"),
    path("<int:pk>/tep-goc/", views.original_file, name="file"),
]
