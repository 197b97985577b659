#ifndef DARKROOM_CCURL_SHIM_H
#define DARKROOM_CCURL_SHIM_H
#include <curl/curl.h>

// curl_easy_setopt / curl_easy_getinfo are variadic, which Swift cannot call: typed wrappers.
static inline CURLcode shim_setopt_long(CURL *c, CURLoption o, long v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode shim_setopt_str(CURL *c, CURLoption o, const char *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode shim_setopt_ptr(CURL *c, CURLoption o, void *v) { return curl_easy_setopt(c, o, v); }
static inline CURLcode shim_setopt_off(CURL *c, CURLoption o, curl_off_t v) { return curl_easy_setopt(c, o, v); }

typedef size_t (*shim_data_cb)(char *, size_t, size_t, void *);
static inline CURLcode shim_setopt_write_cb(CURL *c, shim_data_cb cb) { return curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, cb); }
static inline CURLcode shim_setopt_header_cb(CURL *c, shim_data_cb cb) { return curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, cb); }

typedef int (*shim_xferinfo_cb)(void *, curl_off_t, curl_off_t, curl_off_t, curl_off_t);
static inline CURLcode shim_setopt_xferinfo_cb(CURL *c, shim_xferinfo_cb cb) { return curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, cb); }

static inline CURLcode shim_getinfo_long(CURL *c, CURLINFO i, long *v) { return curl_easy_getinfo(c, i, v); }
static inline CURLcode shim_getinfo_double(CURL *c, CURLINFO i, double *v) { return curl_easy_getinfo(c, i, v); }
#endif
