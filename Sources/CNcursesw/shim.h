#ifndef DARKROOM_CNCURSESW_SHIM_H
#define DARKROOM_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>

static inline WINDOW *shim_stdscr(void) { return stdscr; }
static inline WINDOW *shim_curscr(void) { return curscr; }
static inline int shim_colors(void) { return COLORS; }
static inline int shim_lines(void) { return LINES; }
static inline int shim_cols(void) { return COLS; }
static inline attr_t shim_attr_bold(void) { return A_BOLD; }
static inline attr_t shim_attr_dim(void) { return A_DIM; }
static inline attr_t shim_attr_italic(void) { return A_ITALIC; }
static inline attr_t shim_attr_underline(void) { return A_UNDERLINE; }
static inline attr_t shim_attr_reverse(void) { return A_REVERSE; }
static inline mmask_t shim_mouse_all(void) { return ALL_MOUSE_EVENTS; }
static inline int shim_button1_pressed(mmask_t m) { return (m & BUTTON1_PRESSED) != 0; }
static inline int shim_button1_released(mmask_t m) { return (m & BUTTON1_RELEASED) != 0; }
static inline int shim_button1_clicked(mmask_t m) {
    return (m & (BUTTON1_CLICKED | BUTTON1_DOUBLE_CLICKED | BUTTON1_TRIPLE_CLICKED)) != 0;
}
static inline int shim_button3_pressed(mmask_t m) { return (m & (BUTTON3_PRESSED | BUTTON3_CLICKED)) != 0; }
static inline int shim_wheel_up(mmask_t m) { return (m & BUTTON4_PRESSED) != 0; }
static inline int shim_wheel_down(mmask_t m) { return (m & BUTTON5_PRESSED) != 0; }
/// Paints one cell with an extended colour pair (pairs above 255 go through the opts pointer).
static inline int shim_put_cell(int y, int x, const wchar_t *text, attr_t attrs, int pair) {
    cchar_t cc;
    if (setcchar(&cc, text, attrs, 0, &pair) != OK) return ERR;
    return mvadd_wch(y, x, &cc);
}

/// A pseudo-terminal pair for tests of the curses backend: returns the master fd and writes the
/// slave's path into `name`; -1 on failure.
extern int posix_openpt(int);
extern int grantpt(int);
extern int unlockpt(int);
extern int ptsname_r(int, char *, size_t);
static inline int shim_open_pty(char *name, size_t length) {
    int master = posix_openpt(02 | 0400);  /* O_RDWR | O_NOCTTY */
    if (master < 0) return -1;
    if (grantpt(master) != 0 || unlockpt(master) != 0 || ptsname_r(master, name, length) != 0) return -1;
    return master;
}

/// wcwidth under a UTF-8 character type (set once), whatever the process locale is.
static inline int shim_wcwidth(unsigned int scalar) {
    static locale_t utf8 = (locale_t)0;
    if (utf8 == (locale_t)0) utf8 = newlocale(LC_CTYPE_MASK, "C.UTF-8", (locale_t)0);
    if (utf8 == (locale_t)0) return -1;
    locale_t old = uselocale(utf8);
    int w = wcwidth((wchar_t)scalar);
    uselocale(old);
    return w;
}
#endif
