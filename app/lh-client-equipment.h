/* SPDX-License-Identifier: GPL-3.0-or-later */
/* LhClient's calls for the admin's equipment page (see Equipment and
 * Faults in data/api/learnhub-api.md): the open faults and their
 * maintenance, the inventory, one item with its history, and its status.
 * The _finish functions that return a pointer return (transfer full), or
 * NULL with an LH_CLIENT_ERROR. */
#pragma once

#include "lh-client.h"

G_BEGIN_DECLS

/* An open fault, as GET /api/v1/faults gives it. */
typedef struct
{
  gint64     id;
  char      *asset_tag;    /* (owned) */
  char      *kind;         /* (owned) the item's, as the daemon names it */
  char      *pc_name;      /* (owned) (nullable) the item's PC */
  char      *category;     /* (owned) as the daemon names it */
  gboolean   stops_use;
  gboolean   overdue;
  gint64     reports;
  GDateTime *reported_at;  /* (owned) */
  char      *assigned_to;  /* (owned) (nullable) nobody yet */
} LhOpenFault;

/* An item of the inventory. */
typedef struct
{
  gint64  id;
  char   *asset_tag;    /* (owned) */
  char   *kind;         /* (owned) */
  char   *description;  /* (owned) may be "" */
  char   *location;     /* (owned) may be "" */
  char   *status;       /* (owned) "working", "faulty", "in-repair", "retired" */
  char   *pc_name;      /* (owned) (nullable) a computer's PC */
  gint64  pc_id;        /* that PC's id, or 0 */
} LhEquipmentItem;

/* A bookable PC a computer can be. */
typedef struct
{
  gint64  id;
  char   *name;  /* (owned) */
} LhPcChoice;

/* What the admin's form sends: a new item (all but pc_changed), or the
 * edit of one (description and location unless NULL, the PC if
 * pc_changed, the note): only what the admin changed. */
typedef struct
{
  const char *asset_tag;
  const char *kind;
  const char *description;
  const char *location;
  gboolean    pc_changed;
  gint64      pc_id;        /* 0: none */
  const char *note;         /* (nullable) */
} LhEquipmentChanges;

/* A status the daemon says the item can be given. */
typedef struct
{
  char     *status;         /* (owned) */
  gboolean  note_required;
} LhStatusChoice;

/* A row of an item's history. */
typedef struct
{
  GDateTime *at;      /* (owned) */
  char      *what;    /* (owned) "added", "status", "fault", … */
  char      *status;  /* (owned) the item's from then on */
  char      *note;    /* (owned) may be "" */
  char      *by;      /* (owned) */
} LhItemEvent;

/* One item with what can be done to it and its newest history. */
typedef struct
{
  LhEquipmentItem *item;          /* (owned) */
  GPtrArray       *choices;       /* (owned) (element-type LhStatusChoice) */
  GPtrArray       *history;       /* (owned) (element-type LhItemEvent) newest first */
  gboolean         history_more;  /* older rows left out */
  gboolean         editable;      /* the daemon lets its details be edited */
  GStrv            kinds;         /* (owned) the daemon's kinds of item */
  int              bookings_moved;     /* by the add or edit just saved */
  int              bookings_cancelled; /* by the add or edit just saved */
} LhItemDetail;

void             lh_open_fault_free          (LhOpenFault     *fault);
LhOpenFault     *lh_open_fault_copy          (const LhOpenFault *fault);
void             lh_equipment_item_free      (LhEquipmentItem *item);
LhEquipmentItem *lh_equipment_item_copy      (const LhEquipmentItem *item);
void             lh_item_detail_free         (LhItemDetail    *detail);
void             lh_pc_choice_free           (LhPcChoice      *pc);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhOpenFault, lh_open_fault_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhEquipmentItem, lh_equipment_item_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhItemDetail, lh_item_detail_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhPcChoice, lh_pc_choice_free)

/* GET /api/v1/faults (element-type LhOpenFault), the first page, oldest
 * first; *out_more (nullable) whether there are more. */
void         lh_client_list_open_faults_async   (LhClient            *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray   *lh_client_list_open_faults_finish  (LhClient      *self,
                                                 GAsyncResult  *result,
                                                 gboolean      *out_more,
                                                 GError       **error);

/* POST /api/v1/faults/{id}/assign, or (assign FALSE) …/repaired with
 * text as the note (nullable); the fault as it is now. */
void         lh_client_see_to_fault_async       (LhClient            *self,
                                                 gint64               fault_id,
                                                 gboolean             assign,
                                                 const char          *text,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
LhOpenFault *lh_client_see_to_fault_finish      (LhClient      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

/* GET /api/v1/equipment (element-type LhEquipmentItem), the first page
 * of the items in use, by kind; *out_more (nullable) whether there are
 * more. */
void         lh_client_list_equipment_async     (LhClient            *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray   *lh_client_list_equipment_finish    (LhClient      *self,
                                                 GAsyncResult  *result,
                                                 gboolean      *out_more,
                                                 GStrv         *out_kinds,
                                                 GError       **error);

/* GET /api/v1/equipment/{id}, or (status non-NULL) POST …/status with
 * note (nullable): the item as it is now. */
void          lh_client_equipment_item_async    (LhClient            *self,
                                                 gint64               item_id,
                                                 const char          *status,
                                                 const char          *note,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
LhItemDetail *lh_client_equipment_item_finish   (LhClient      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

/* GET /api/v1/resources, the PCs only (element-type LhPcChoice). */
void          lh_client_list_pcs_async          (LhClient            *self,
                                                 GCancellable        *cancellable,
                                                 GAsyncReadyCallback  callback,
                                                 gpointer             user_data);
GPtrArray    *lh_client_list_pcs_finish         (LhClient      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

/* POST /api/v1/equipment (item_id 0), or PATCH /api/v1/equipment/{id}:
 * the item as it is now. */
void          lh_client_save_equipment_async    (LhClient                 *self,
                                                 gint64                    item_id,
                                                 const LhEquipmentChanges *changes,
                                                 GCancellable             *cancellable,
                                                 GAsyncReadyCallback       callback,
                                                 gpointer                  user_data);
LhItemDetail *lh_client_save_equipment_finish   (LhClient      *self,
                                                 GAsyncResult  *result,
                                                 GError       **error);

G_END_DECLS
