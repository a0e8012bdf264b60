// Wide-character ncurses for Swift 6. The defines must come before the include: SwiftPM drops
// pkg-config's -D flags, and without them cchar_t, get_wch and friends disappear.
#ifndef DPLAN_CNCURSES_SHIM_H
#define DPLAN_CNCURSES_SHIM_H
#define _XOPEN_SOURCE_EXTENDED 1
#define NCURSES_WIDECHAR 1
#include <locale.h>
#include <ncursesw/ncurses.h>

// Globals and macros Swift cannot import (or rejects as not concurrency-safe).
static inline WINDOW *dplan_stdscr(void) { return stdscr; }
static inline int dplan_lines(void) { return LINES; }
static inline int dplan_cols(void) { return COLS; }
static inline attr_t dplan_a_bold(void) { return A_BOLD; }
static inline attr_t dplan_a_reverse(void) { return A_REVERSE; }
static inline attr_t dplan_a_dim(void) { return A_DIM; }
static inline attr_t dplan_a_underline(void) { return A_UNDERLINE; }
static inline attr_t dplan_color_pair(int n) { return COLOR_PAIR(n); }
static inline mmask_t dplan_button1_clicked(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_RELEASED; }
static inline mmask_t dplan_button1_any(void) { return BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED; }
static inline mmask_t dplan_wheel_up(void) { return BUTTON4_PRESSED; }
#if NCURSES_MOUSE_VERSION > 1
static inline mmask_t dplan_wheel_down(void) { return BUTTON5_PRESSED; }
#else
static inline mmask_t dplan_wheel_down(void) { return 0; }
#endif
static inline int dplan_key_code_yes(void) { return KEY_CODE_YES; }
#endif
