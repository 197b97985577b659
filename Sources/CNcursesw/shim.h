#ifndef DARKROOM_CNCURSESW_SHIM_H
#define DARKROOM_CNCURSESW_SHIM_H
#define NCURSES_WIDECHAR 1
#define _XOPEN_SOURCE_EXTENDED 1
#include <locale.h>
#include <wchar.h>
#include <ncurses.h>
#include <term.h>

/// The terminfo colour count of a terminal type, without touching the terminal (fd -1);
/// 0 when it has no colours, -2 when the type is unknown.
static inline int shim_terminfo_colors(const char *term) {
    int err = 0;
    if (setupterm(term, -1, &err) != OK) return -2;
    int colors = tigetnum("colors");
    del_curterm(cur_term);
    return colors > 0 ? colors : 0;
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
