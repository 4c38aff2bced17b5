// zlib (Debian zlib1g-dev), for the deflated state in share links. Imported by ERDRender only.
#include <zlib.h>
