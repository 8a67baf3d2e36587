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
pkg_check_modules(XLSXWRITER REQUIRED IMPORTED_TARGET xlsxwriter)
# PDF text layers (core/import/pdf.cpp is the only user).
pkg_check_modules(POPPLER_CPP REQUIRED IMPORTED_TARGET poppler-cpp)
# Debian's libxapian-dev ships a config file that sets XAPIAN_INCLUDE_DIR and XAPIAN_LIBRARIES.
find_package(Xapian 1.4 REQUIRED CONFIG)
add_library(Xapian::xapian INTERFACE IMPORTED)
target_include_directories(Xapian::xapian INTERFACE ${XAPIAN_INCLUDE_DIR})
target_link_libraries(Xapian::xapian INTERFACE ${XAPIAN_LIBRARIES})
find_package(CLI11 REQUIRED)
find_package(nlohmann_json 3 REQUIRED)
find_package(doctest REQUIRED)
if(KODEX_BUILD_GUI)
  find_package(wxWidgets 3.2 REQUIRED COMPONENTS html stc aui core base)
  # The editor turns off ligatures before GTK loads fonts (app/gui/ui/fonts.cpp).
  pkg_check_modules(Fontconfig REQUIRED IMPORTED_TARGET fontconfig)
endif()
