# cmake --install: headers, libquarry, a CMake package (find_package(Quarry)) and quarry.pc.
include(CMakePackageConfigHelpers)

install(TARGETS quarry EXPORT QuarryTargets
  ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR}
  LIBRARY DESTINATION ${CMAKE_INSTALL_LIBDIR})
install(DIRECTORY include/quarry DESTINATION ${CMAKE_INSTALL_INCLUDEDIR})
install(TARGETS quarry-cli RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

set(QUARRY_CMAKE_DIR ${CMAKE_INSTALL_LIBDIR}/cmake/Quarry)
install(EXPORT QuarryTargets NAMESPACE Quarry:: DESTINATION ${QUARRY_CMAKE_DIR})
configure_package_config_file(cmake/QuarryConfig.cmake.in
  ${PROJECT_BINARY_DIR}/QuarryConfig.cmake INSTALL_DESTINATION ${QUARRY_CMAKE_DIR})
write_basic_package_version_file(${PROJECT_BINARY_DIR}/QuarryConfigVersion.cmake
  COMPATIBILITY SameMinorVersion)
install(FILES ${PROJECT_BINARY_DIR}/QuarryConfig.cmake ${PROJECT_BINARY_DIR}/QuarryConfigVersion.cmake
  DESTINATION ${QUARRY_CMAKE_DIR})

configure_file(cmake/quarry.pc.in ${PROJECT_BINARY_DIR}/quarry.pc @ONLY)
install(FILES ${PROJECT_BINARY_DIR}/quarry.pc DESTINATION ${CMAKE_INSTALL_LIBDIR}/pkgconfig)
