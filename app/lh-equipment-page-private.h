/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by lh-equipment-page.c (the list of faults and the inventory,
 * loading, going back), lh-equipment-page-item.c (an item's view, and
 * the forms that assign, repair or change a status),
 * lh-equipment-page-edit.c (adding an item, editing its details) and
 * lh-equipment-page-checks.c (the scheduled checks, and recording one). */
#pragma once

#include "lh-client-checks.h"
#include "lh-client-equipment.h"
#include "lh-equipment-form.h"
#include "lh-equipment-page.h"

G_BEGIN_DECLS

#define FAULT_KEY "lh-fault"
#define ITEM_ID_KEY "lh-item-id"
#define CHOICE_KEY "lh-status-choice"
#define NAME_KEY "lh-name"

/* What the confirm view is for. */
typedef enum
{
  SEE_TO_NOTHING,
  SEE_TO_ASSIGN,
  SEE_TO_REPAIR,
  SEE_TO_STATUS,
  SEE_TO_CHECK,
} SeeTo;

struct _LhEquipmentPage
{
  LhPage           parent_instance;

  GCancellable    *list_cancellable;  /* (owned) (nullable) the page's load, kept for its second call */
  GPtrArray       *faults;            /* (owned) (nullable) (element-type LhOpenFault) the list's */
  GCancellable    *item_cancellable;  /* (owned) (nullable) while an item loads */
  GCancellable    *send_cancellable;  /* (owned) (nullable) while a change is sent */
  GtkButton       *busy_button;       /* (owned) (nullable) the button of the item loading */
  SeeTo            see_to;
  LhOpenFault     *fault;             /* (owned) (nullable) the fault assigned or repaired */
  LhItemDetail    *detail;            /* (owned) (nullable) the item on the item view */
  GStrv            kinds;             /* (owned) (nullable) the daemon's, for the Add form */
  char            *new_status;        /* (owned) (nullable) the status being confirmed */
  gboolean         note_required;
  GPtrArray       *checks;            /* (owned) (nullable) (element-type LhCheckInfo) the list's */
  LhCheckInfo     *check;             /* (owned) (nullable) the check being recorded */
  char            *check_result;      /* (owned) (nullable) "passed" or "failed", once chosen */
  LhEquipmentForm *form;              /* (unowned) the details view's, child of the view stack */

  /* template children (unowned) */
  GtkLabel        *faults_label;
  GtkBox          *faults_box;
  GtkLabel        *faults_more_label;
  GtkBox          *checks_box;
  GtkBox          *inventory_box;
  GtkLabel        *inventory_more_label;
  GtkLabel        *item_title_label;
  GtkLabel        *item_status_label;
  GtkLabel        *statuses_label;
  GtkBox          *statuses_box;
  GtkBox          *history_box;
  GtkLabel        *history_more_label;
  GtkLabel        *confirm_question_label;
  GtkLabel        *form_label;
  GtkFlowBox      *names_box;
  GtkEntry        *form_entry;
  GtkButton       *add_button;
  GtkButton       *edit_button;
};

void lh_equipment_page_update_buttons (LhEquipmentPage *self);
void lh_equipment_page_load_list      (LhEquipmentPage *self);

/* lh-equipment-page-item.c; the callbacks are the template's too. */
void lh_equipment_page_item_clicked   (LhEquipmentPage *self,
                                       GtkButton       *button);
void lh_equipment_page_see_to_clicked (LhEquipmentPage *self,
                                       GtkButton       *button);
void lh_equipment_page_confirm_clicked (LhEquipmentPage *self,
                                        GtkWidget       *widget);
void lh_equipment_page_form_changed    (LhEquipmentPage *self,
                                        GtkEditable     *editable);
/* The confirm view with a question, its facts and a form of one line. */
void lh_equipment_page_show_form       (LhEquipmentPage *self,
                                        const char      *question,
                                        const char      *facts,
                                        const char      *form,
                                        const char      *confirm);

/* The item view, showing detail (transfer full). */
void lh_equipment_page_show_item       (LhEquipmentPage *self,
                                        LhItemDetail    *detail);

/* lh-equipment-page-edit.c: the details view, to add an item or edit
 * one; the callbacks are the template's too. */
void lh_equipment_page_add_form        (LhEquipmentPage *self);
void lh_equipment_page_add_clicked     (LhEquipmentPage *self,
                                        GtkButton       *button);
void lh_equipment_page_edit_clicked    (LhEquipmentPage *self,
                                        GtkButton       *button);

/* lh-equipment-page-checks.c */
void lh_equipment_page_show_checks        (LhEquipmentPage *self,
                                           GDateTime       *now);
void lh_equipment_page_check_done_clicked (LhEquipmentPage *self,
                                           GtkButton       *button);
/* Sends the check on the form as done, once a result is chosen. */
void lh_equipment_page_send_check_done    (LhEquipmentPage *self,
                                           const char      *note);

G_END_DECLS
