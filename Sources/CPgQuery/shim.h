#ifndef ERDVIZ_CPGQUERY_SHIM_H
#define ERDVIZ_CPGQUERY_SHIM_H
// Debian's libpg-query-dev ships no pkg-config file: the header is /usr/include/pg_query.h.
#include <pg_query.h>
#endif
