# Internationalisation: message catalogues, dates and numbers in Europe/Riga, language
# negotiation and collation. Included from src/web/CMakeLists.txt. ICU is linked here and
# nowhere else (STYLE.md habit 4); the public headers expose no ICU types, so ICU stays a
# private dependency (CMake still passes it on at link time, as tilti_i18n is static).
add_library(tilti_i18n STATIC
  ${CMAKE_CURRENT_LIST_DIR}/i18n_catalog.cpp
  ${CMAKE_CURRENT_LIST_DIR}/i18n_collate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/i18n_format.cpp
  ${CMAKE_CURRENT_LIST_DIR}/i18n_negotiate.cpp
  ${CMAKE_CURRENT_LIST_DIR}/i18n_po.cpp
  ${CMAKE_CURRENT_LIST_DIR}/i18n_riga_time.cpp
)
target_include_directories(tilti_i18n PUBLIC ${CMAKE_SOURCE_DIR}/src)
target_link_libraries(tilti_i18n PUBLIC tilti_core PRIVATE ICU::uc ICU::i18n)
