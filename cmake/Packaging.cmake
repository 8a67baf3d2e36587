# SPDX-License-Identifier: GPL-3.0-or-later
# The Debian package: `cmake --build build --target package` (or `cd build && cpack -G DEB`) writes
# kodex_<version>_<arch>.deb from the install rules in packaging/CMakeLists.txt.
set(CPACK_GENERATOR DEB)
set(CPACK_PACKAGE_NAME kodex)
set(CPACK_PACKAGE_VENDOR "The Kodex developers")
set(CPACK_PACKAGE_CONTACT "Kodex maintainers <maintainers@users.noreply.r-seed-eaae6b16.example>")
set(CPACK_PACKAGE_DESCRIPTION_SUMMARY "qualitative coding of interview transcripts")
set(CPACK_PACKAGE_DESCRIPTION "Kodex imports interview transcripts (plain text, Word, OpenDocument,
WebVTT, SRT), codes them with a hierarchical codebook, searches them and
exports quotes and numbers (CSV, Excel, SPSS). A project is one file that
is saved with every action; REFI-QDA projects and codebooks are exchanged
with other QDA programs. The package holds the editor kodex, the command
line kodex-cli, the German translation and a sample study.")
set(CPACK_PACKAGE_VERSION ${PROJECT_VERSION})
set(CPACK_PACKAGING_INSTALL_PREFIX /usr)
set(CPACK_STRIP_FILES ON)
set(CPACK_INSTALL_DEFAULT_DIRECTORY_PERMISSIONS
    OWNER_READ OWNER_WRITE OWNER_EXECUTE GROUP_READ GROUP_EXECUTE WORLD_READ WORLD_EXECUTE)

set(CPACK_DEBIAN_FILE_NAME DEB-DEFAULT)  # kodex_0.1.0_amd64.deb
set(CPACK_DEBIAN_PACKAGE_SECTION science)
set(CPACK_DEBIAN_PACKAGE_PRIORITY optional)
# Depends: from the shared libraries the programs link (dpkg-shlibdeps, Debian package dpkg-dev).
set(CPACK_DEBIAN_PACKAGE_SHLIBDEPS ON)
# The file types and icons are registered by the triggers of shared-mime-info, desktop-file-utils and
# hicolor-icon-theme; emoji in transcripts are drawn from Noto Color Emoji.
set(CPACK_DEBIAN_PACKAGE_RECOMMENDS "shared-mime-info, desktop-file-utils, hicolor-icon-theme, fonts-noto-color-emoji")

include(CPack)
