#ifndef DOCKB_CLIBXML2_SHIM_H
#define DOCKB_CLIBXML2_SHIM_H
// Debian builds libxml2 with ICU, whose types clash with Foundation's own ICU
// in any module that also loads Foundation; the renderer needs no ICU API.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/tree.h>
#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/xmlsave.h>
#include <libxml/parser.h>
#include <libxml/xpath.h>

// xmlFree is a global function pointer; Swift 6 cannot read it directly.
static inline void dockb_xml_free(void *pointer) { xmlFree(pointer); }
#endif
