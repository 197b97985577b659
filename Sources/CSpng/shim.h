#ifndef DARKROOM_CSPNG_SHIM_H
#define DARKROOM_CSPNG_SHIM_H
#include <spng.h>
#include <zlib.h>

// zlib's init functions are macros, which Swift cannot call: plain wrappers. zlib is libspng's own
// inflater; Darkroom uses it directly only for PNG text chunks (zTXt, compressed iTXt).
static inline int shim_inflate_init(z_stream *s) { return inflateInit(s); }
static inline int shim_deflate_init(z_stream *s, int level) { return deflateInit(s, level); }
#endif
