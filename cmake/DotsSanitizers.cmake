# SPDX-License-Identifier: GPL-3.0-or-later
# -DDOTS_SANITIZE=ON builds everything with AddressSanitizer and UBSan (the asan preset).
option(DOTS_SANITIZE "Build with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
if(DOTS_SANITIZE)
    add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
    add_link_options(-fsanitize=address,undefined)
endif()
