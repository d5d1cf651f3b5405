#ifndef DOCKB_CCMARKGFM_SHIM_H
#define DOCKB_CCMARKGFM_SHIM_H
#include <cmark-gfm.h>
#include <cmark-gfm-extension_api.h>
#include <cmark-gfm-core-extensions.h>

// The table extension exports its node types from the shared library but no
// installed header declares them.
extern cmark_node_type CMARK_NODE_TABLE;
extern cmark_node_type CMARK_NODE_TABLE_ROW;
extern cmark_node_type CMARK_NODE_TABLE_CELL;

// Swift 6 refuses to read mutable C globals; these accessors read them once.
static inline cmark_node_type dockb_node_type_table(void) { return CMARK_NODE_TABLE; }
static inline cmark_node_type dockb_node_type_table_row(void) { return CMARK_NODE_TABLE_ROW; }
static inline cmark_node_type dockb_node_type_table_cell(void) { return CMARK_NODE_TABLE_CELL; }
#endif
