# paretokit_module(NAME SOURCE_DIR DEPENDS dep...)
# One static library per module, from every .cpp under SOURCE_DIR, so that a
# module builds (and its tests run) without the others. The umbrella target
# paretokit::paretokit links them all.
set(PARETOKIT_WARNINGS -Wall -Wextra -Wpedantic)
set_property(GLOBAL PROPERTY PARETOKIT_MODULES "")

function(paretokit_module name source_dir)
  cmake_parse_arguments(ARG "" "" "DEPENDS" ${ARGN})
  file(GLOB_RECURSE sources CONFIGURE_DEPENDS ${source_dir}/*.cpp)
  set(target paretokit_${name})
  if(sources)
    add_library(${target} STATIC ${sources})
    target_link_libraries(${target} PUBLIC ${ARG_DEPENDS})
    set(scope PUBLIC)
  else()
    add_library(${target} INTERFACE)
    target_link_libraries(${target} INTERFACE ${ARG_DEPENDS})
    set(scope INTERFACE)
  endif()
  target_include_directories(${target} ${scope}
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/lib/include>
    $<BUILD_INTERFACE:${PROJECT_SOURCE_DIR}/problems/include>
    $<INSTALL_INTERFACE:${CMAKE_INSTALL_INCLUDEDIR}>)
  if(sources)
    target_compile_options(${target} PRIVATE ${PARETOKIT_WARNINGS})
    if(PARETOKIT_NATIVE)
      target_compile_options(${target} PRIVATE -march=native)
    endif()
  endif()
  add_library(paretokit::${name} ALIAS ${target})
  install(TARGETS ${target} EXPORT paretokitTargets
          ARCHIVE DESTINATION ${CMAKE_INSTALL_LIBDIR})
  set_property(GLOBAL APPEND PROPERTY PARETOKIT_MODULES ${target})
endfunction()
