# SPDX-License-Identifier: GPL-3.0-or-later
# Every third-party dependency is found here, and only here. The matching Debian 12 packages are
# listed in scripts/debian-packages.txt.
find_package(PkgConfig REQUIRED)
find_package(ICU 72 REQUIRED COMPONENTS uc i18n data)
find_package(SQLite3 REQUIRED)
find_package(pugixml REQUIRED)
find_package(libzip REQUIRED)
find_package(CLI11 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(doctest REQUIRED)
if(KODEX_BUILD_GUI)
  find_package(wxWidgets 3.2 REQUIRED COMPONENTS stc aui core base)
endif()
