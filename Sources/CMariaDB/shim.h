#ifndef ERDVIZ_CMARIADB_SHIM_H
#define ERDVIZ_CMARIADB_SHIM_H
// MariaDB Connector/C (Debian's libmariadb-dev; pkg-config `libmariadb` adds /usr/include/mariadb).
#include <mysql.h>
#include <errmsg.h>

/// mysql_options takes `const void *`; Swift passes the address of an unsigned int through these.
static inline int erd_mysql_set_uint(MYSQL *mysql, enum mysql_option option, unsigned int value) {
  return mysql_options(mysql, option, &value);
}

static inline int erd_mysql_set_bool(MYSQL *mysql, enum mysql_option option, my_bool value) {
  return mysql_options(mysql, option, &value);
}

#endif
