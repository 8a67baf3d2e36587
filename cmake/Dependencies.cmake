# SPDX-License-Identifier: GPL-3.0-or-later
# Every third-party dependency is found here, and only here. The matching Debian 12 packages are
# listed in scripts/debian-packages.txt.
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(SQLite3 REQUIRED)
find_package(pugixml REQUIRED)
# Debian's libzip CMake package insists on the zipcmp/zipmerge tools being installed; pkg-config does not.
pkg_check_modules(LIBZIP REQUIRED IMPORTED_TARGET libzip)
add_library(libzip::zip ALIAS PkgConfig::LIBZIP)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(doctest REQUIRED)
if(KODEX_BUILD_GUI)
  find_package(wxWidgets 3.2 REQUIRED COMPONENTS stc aui core base)
endif()
