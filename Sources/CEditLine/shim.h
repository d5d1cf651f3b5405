#ifndef DOCKB_CEDITLINE_SHIM_H
#define DOCKB_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>

// Globals of the readline compatibility layer, wrapped for Swift 6.
static inline void dockb_rl_set_completion(rl_completion_func_t *function) {
    rl_attempted_completion_function = function;
}
static inline void dockb_rl_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline void dockb_rl_set_basic_word_break_characters(const char *chars) {
    rl_basic_word_break_characters = (char *)chars;
}
static inline const char *dockb_rl_line_buffer(void) { return rl_line_buffer; }
static inline void dockb_rl_set_attempted_completion_over(int value) { rl_attempted_completion_over = value; }
#endif
