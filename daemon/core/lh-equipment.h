/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The centre's equipment: each item by its asset tag, its kind, where it
 * is, whether it works, and for a computer the bookable PC it is; with
 * every change kept as the item's history. */
#pragma once

#include "lh-centre.h"
#include "lh-csv.h"
#include "lh-store.h"

G_BEGIN_DECLS

/* NULL-terminated: "computer", "monitor", "desk", "chair",
 * "lockable-cabinet", "headset", "printer", "accessibility", "other". */
extern const char * const lh_equipment_kinds[];
#define LH_EQUIPMENT_N_KINDS 9
/* NULL-terminated: "working", "faulty", "in-repair", "retired". */
extern const char * const lh_equipment_statuses[];

#define LH_ASSET_TAG_MAX_CHARS 40
#define LH_EQUIPMENT_NOTE_MAX_CHARS 500
#define LH_EQUIPMENT_DESCRIPTION_MAX_CHARS 200
#define LH_EQUIPMENT_LOCATION_MAX_CHARS 100

typedef struct
{
  gint64  id;
  char   *asset_tag;      /* (owned) */
  char   *kind;           /* (owned) one of lh_equipment_kinds */
  char   *description;    /* (owned) e.g. "Large-key keyboard", may be "" */
  char   *location;       /* (owned) may be "" */
  char   *status;         /* (owned) one of lh_equipment_statuses */
  gint64  resource_id;    /* a computer's PC, or 0 */
  char   *resource_name;  /* (owned) (nullable) that PC's name */
  gint64  created_at;
} LhEquipment;

void lh_equipment_free (LhEquipment *item);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (LhEquipment, lh_equipment_free)

/* A computer that is no longer a bookable PC (LhEquipmentFields). */
#define LH_EQUIPMENT_NO_PC ((gint64) -1)

/* What a person or a CSV row says of an item. What it leaves out stays as
 * it was: status, description and location NULL keep the item's (a new
 * item is "working", with ""); resource_id 0 keeps its PC (none for a new
 * item), LH_EQUIPMENT_NO_PC unlinks it. */
typedef struct
{
  const char *asset_tag;
  const char *kind;
  const char *description;
  const char *location;
  const char *status;
  gint64      resource_id;
} LhEquipmentFields;

/* Who changed an item, for its history: a person, or (actor_id 0) a
 * program such as "learnhubctl". */
typedef struct
{
  gint64      actor_id;
  const char *actor_name;
} LhEquipmentActor;

typedef struct
{
  gint64  at;
  char   *what;        /* (owned) "added", "status", "edited", … */
  char   *status;      /* (owned) the item's status from then on */
  char   *note;        /* (owned) may be "" */
  char   *actor_name;  /* (owned) */
} LhEquipmentEvent;

void lh_equipment_event_free (LhEquipmentEvent *event);

/* Whether an admin may still edit the item's details: not once retired,
 * as what it was is what the history and the figures read. */
gboolean     lh_equipment_editable     (const LhEquipment       *item);

/* kind's place in lh_equipment_kinds, or -1. */
int          lh_equipment_kind_index   (const char              *kind);

/* LH_ERROR_INVALID naming the choices, unless name is one of them. */
gboolean     lh_equipment_kind_check   (const char              *kind,
                                        GError                 **error);
gboolean     lh_equipment_status_check (const char              *status,
                                        GError                 **error);
/* The fields checked as text and against each other (a PC only for a
 * computer), before any write; the PC itself is checked when an item
 * is linked to it. */
gboolean     lh_equipment_fields_check (LhStore                 *store,
                                        const LhEquipmentFields *fields,
                                        GError                 **error);

/* Adds the item, or updates the one with its asset tag (whose kind must
 * be the same), writing its history; inside the caller's transaction if
 * there is one. A PC that another working item already is gives
 * LH_ERROR_CONFLICT. The status follows the one rule of "out of use":
 * - "working" while a fault that stops its use is open is LH_ERROR_CONFLICT
 *   (the fault's repair puts it back);
 * - "retired" closes its open faults;
 * - a PC that is out of order afterwards (lh_faults_pc_out_of_order)
 *   has its bookings moved or cancelled in the same transaction, its
 *   learners told (lh_faults_move_bookings_locked), following the
 *   centre's opening hours. centre may be NULL only where no PC has
 *   bookings to move; with some to move, NULL is LH_ERROR_INTERNAL. */
gboolean     lh_equipment_save         (LhStore                 *store,
                                        const LhCentre          *centre,
                                        const LhEquipmentFields *fields,
                                        const LhEquipmentActor  *actor,
                                        const char              *note,
                                        gint64                   now,
                                        gboolean                *out_created,
                                        GError                 **error);
/* lh-equipment-edit.c: a new item, as lh_equipment_save, but an asset
 * tag already in the inventory is LH_ERROR_CONFLICT ("asset-tag-taken").
 * Each refusal carries a reason (lh_error_get_reason): "asset-tag-invalid",
 * "kind-unknown", "text-too-long" (with its limit), "text-invalid",
 * "pc-not-computer", "pc-unknown", "pc-has-computer", "note-invalid".
 * *out_moves (nullable) as lh_equipment_change_status. */
LhEquipment *lh_equipment_add          (LhStore                 *store,
                                        const LhCentre          *centre,
                                        const LhEquipmentFields *fields,
                                        const LhEquipmentActor  *actor,
                                        const char              *note,
                                        gint64                   now,
                                        GPtrArray              **out_moves,
                                        GError                 **error);

/* What an admin may change of an item: NULL or 0 keeps it, as in
 * LhEquipmentFields (LH_EQUIPMENT_NO_PC unlinks its PC). */
typedef struct
{
  const char *description;
  const char *location;
  gint64      resource_id;
} LhEquipmentEdit;

/* Edits the item of that id, as lh_equipment_add refuses, and
 * "item-not-found", "item-retired" (LH_ERROR_CONFLICT). */
LhEquipment *lh_equipment_edit         (LhStore                 *store,
                                        const LhCentre          *centre,
                                        gint64                   item_id,
                                        const LhEquipmentEdit   *edit,
                                        const LhEquipmentActor  *actor,
                                        const char              *note,
                                        gint64                   now,
                                        GPtrArray              **out_moves,
                                        GError                 **error);
/* The item of that asset tag, or LH_ERROR_NOT_FOUND. */
LhEquipment *lh_equipment_get          (LhStore                 *store,
                                        const char              *asset_tag,
                                        GError                 **error);
/* Every item, retired ones too, by kind then asset tag. */
GPtrArray   *lh_equipment_list         (LhStore                 *store,
                                        GError                 **error);
/* A page of the items by kind then asset tag, after the item after_id
 * (0: from the start), the retired ones only if include_retired: at most
 * limit + 1, the last telling there are more. LH_ERROR_NOT_FOUND if
 * after_id is no item. */
GPtrArray   *lh_equipment_list_page    (LhStore                 *store,
                                        gboolean                 include_retired,
                                        gint64                   after_id,
                                        guint                    limit,
                                        GError                 **error);
/* Changes the item's status, with why (required when it leaves
 * "working"); LH_ERROR_CONFLICT when it already has that status, and as
 * lh_equipment_save says. */
gboolean     lh_equipment_set_status   (LhStore                 *store,
                                        const LhCentre          *centre,
                                        const char              *asset_tag,
                                        const char              *status,
                                        const char              *note,
                                        const LhEquipmentActor  *actor,
                                        gint64                   now,
                                        GError                 **error);
/* The same, and *out_moves (element-type LhFaultMove, nullable) the
 * bookings of its PC it moved or cancelled: for live events and for
 * saying so. */
gboolean     lh_equipment_change_status (LhStore                *store,
                                         const LhCentre         *centre,
                                         const char             *asset_tag,
                                         const char             *status,
                                         const char             *note,
                                         const LhEquipmentActor *actor,
                                         gint64                  now,
                                         GPtrArray             **out_moves,
                                         GError                **error);
/* Whether the item's status is the one a person or an import last gave
 * it (not one a fault set), from its history. */
gboolean     lh_equipment_status_chosen (LhStore                *store,
                                         const LhEquipment      *item,
                                         gboolean               *out_chosen,
                                         GError                **error);
/* Writes a row of the item's history (what: "fault", "repaired", …)
 * inside the caller's transaction. */
gboolean     lh_equipment_add_event    (LhStore                 *store,
                                        gint64                   item_id,
                                        const char              *what,
                                        const char              *status,
                                        const char              *note,
                                        const LhEquipmentActor  *actor,
                                        gint64                   now,
                                        GError                 **error);
/* The item's history, oldest first (element-type LhEquipmentEvent). */
GPtrArray   *lh_equipment_history      (LhStore                 *store,
                                        const char              *asset_tag,
                                        GError                 **error);

/* lh-equipment-history.c: whether setting an item to status asks why
 * (every status but "working": the repairer and the committee need it). */
gboolean     lh_equipment_status_needs_note (const char         *status);
/* The item of that id, or LH_ERROR_NOT_FOUND. */
LhEquipment *lh_equipment_get_by_id    (LhStore                 *store,
                                        gint64                   item_id,
                                        GError                 **error);
/* The item's newest limit (> 0) history rows, newest first; *out_more
 * (nullable) says whether older ones are left out. */
GPtrArray   *lh_equipment_history_newest (LhStore               *store,
                                          gint64                 item_id,
                                          guint                  limit,
                                          gboolean              *out_more,
                                          GError               **error);

/* Imports items from CSV. Columns, by header name in any order:
 * asset_tag and kind (required); location, description, status, pc (the
 * name of the bookable PC a computer is, "-" for none) (optional). An
 * item already in the inventory is updated with what the row gives: an
 * empty cell keeps the item's. Every
 * bad row is reported; if any is bad and skip_bad_rows is FALSE, nothing
 * is imported and LH_ERROR_INVALID is set. One transaction: all or none. */
gboolean     lh_equipment_import       (LhStore                 *store,
                                        const LhCentre          *centre,
                                        const char              *csv,
                                        gsize                    length,
                                        gboolean                 skip_bad_rows,
                                        const LhEquipmentActor  *actor,
                                        gint64                   now,
                                        LhCsvReport             *report,
                                        GError                 **error);

G_END_DECLS
