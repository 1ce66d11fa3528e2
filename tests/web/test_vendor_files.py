"""Single files of npm packages served as static files (web/vendor_files.py)."""

from django.contrib.staticfiles import finders
from django.test import override_settings

from ordito.web.vendor_files import VendorFilesFinder


def test_vendor_file_is_found_and_listed_alone():
    found = finders.find("vendor/echarts/echarts.min.js")
    assert found and found.endswith("node_modules/echarts/dist/echarts.min.js")
    listed = [
        (storage.prefix, path) for path, storage in VendorFilesFinder().list(ignore_patterns=[])
    ]
    assert listed == [("vendor/echarts", "echarts.min.js")]
    # The rest of the package's dist/ is not served.
    assert not finders.find("vendor/echarts/echarts.js")


def test_missing_vendor_file_fails_the_checks(tmp_path):
    missing = tmp_path / "gone.js"
    with override_settings(VENDOR_FILES={"vendor/x/gone.js": missing}):
        errors = VendorFilesFinder().check()
    assert [error.id for error in errors] == ["ordito.E001"]
    assert str(missing) in errors[0].msg
