/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by lh-desk-page.c (the views, loading, going back),
 * lh-desk-lists.c (the list: the drop-in, the queue, the work in hand)
 * and lh-desk-page-actions.c (opening a drop-in, confirming). */
#pragma once

#include "lh-client-desk.h"
#include "lh-desk-page.h"
#include "lh-desk-record.h"
#include "lh-desk-request-view.h"
#include "lh-dropin-form.h"
#include "lh-stepper.h"

G_BEGIN_DECLS


typedef enum {
  CONFIRM_NONE,
  CONFIRM_CLOSE,
  CONFIRM_DELETE,
} ConfirmKind;

struct _LhDeskPage
{
  LhPage         parent_instance;

  GCancellable  *action_cancellable;  /* (owned) (nullable) call next, open, close, delete, fetch */
  GCancellable  *form_cancellable;    /* (owned) (nullable) the open form's choices */
  GCancellable  *alert_cancellable;   /* (owned) (nullable) setting the alert */
  guint          alert_id;            /* sends the alert once the stepper rests */
  gboolean       alert_again;         /* changed while it was being sent */
  guint          pending;             /* answers still to come for the list */
  GError        *load_error;          /* (owned) (nullable) the first of them that failed */
  GPtrArray     *dropins;             /* (owned) (nullable) (element-type LhDropin) */
  GPtrArray     *queues;              /* (owned) (nullable) (element-type LhQueue) */
  LhUlrWork     *work;                /* (owned) (nullable) */
  GPtrArray     *rooms;               /* (owned) (nullable) (element-type LhRoom) */
  GPtrArray     *ulrs;                /* (owned) (nullable) (element-type LhUlr) */
  gint64         mine;                /* the drop-in the ULR staffs today, or 0 */
  ConfirmKind    confirm;
  gint64         confirm_id;
  gint64         record_learner;      /* whose record "See their record" opens, or 0 */
  const char    *record_from;         /* the view the record was opened from, "request" or "done" */

  /* built with the list (unowned) */
  GtkWidget     *call_button;
  LhStepper     *alert_stepper;

  /* template children (unowned) */
  GtkBox        *desk_box;
  GtkBox        *work_box;
  GtkStack      *open_stack;
  GtkSpinner    *open_spinner;
  LhDropinForm  *dropin_form;
  GtkLabel      *open_error_label;
  GtkWidget     *open_back_button;
  GtkWidget     *open_button;
  LhDeskRequestView *request_view;
  GtkWidget     *record_button;
  LhDeskRecord  *record_view;
  GtkLabel      *done_label;
  GtkWidget     *done_record_button;
  GtkLabel      *confirm_question_label;
};

void      lh_desk_page_back_to_list   (LhDeskPage *self,
                                       const char *message);
LhClient *lh_desk_page_client         (LhDeskPage *self);
gint64    lh_desk_page_me             (LhDeskPage *self);
gboolean  lh_desk_page_busy           (LhDeskPage *self);

/* lh-desk-lists.c: builds the list from what was loaded. */
void      lh_desk_page_show_desk      (LhDeskPage *self);

/* lh-desk-page-actions.c */
void      lh_desk_page_open_form      (LhDeskPage *self);
void      lh_desk_page_ask_close      (LhDeskPage *self,
                                       gint64      dropin_id);
void      lh_desk_page_ask_delete     (LhDeskPage *self,
                                       gint64      learner_id,
                                       const char *learner);
void      lh_desk_page_actions_reset  (LhDeskPage *self);
void      lh_desk_page_class_add_actions (GtkWidgetClass *widget_class);

G_END_DECLS
