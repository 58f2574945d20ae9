#ifndef HOMECOMING_CZLIB_SHIM_H
#define HOMECOMING_CZLIB_SHIM_H
/* zlib, for the tests only: the oracle that inflates what PNGEncoding writes. */
#include <zlib.h>
#endif
