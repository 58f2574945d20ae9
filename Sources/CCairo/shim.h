#ifndef HOMECOMING_CCAIRO_SHIM_H
#define HOMECOMING_CCAIRO_SHIM_H
#include <cairo.h>
#include <cairo-ft.h>
#endif
