/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Shared by lh-advice-page.c (the page, loading, asking),
 * lh-advice-page-steps.c (the questions) and lh-advice-page-ticket.c
 * (the ticket, leaving, being called). */
#pragma once

#include "lh-advice-page.h"

#include "lh-advice-ticket.h"
#include "lh-advice-types.h"
#include "lh-dropin-chooser.h"

G_BEGIN_DECLS

#define TICKET_NOTIFICATION "ticket-called"

struct _LhAdvicePage
{
  LhPage           parent_instance;

  GCancellable    *ask_cancellable;       /* (owned) (nullable) while asking */
  GCancellable    *withdraw_cancellable;  /* (owned) (nullable) while leaving or giving back */
  GCancellable    *ticket_cancellable;    /* (owned) (nullable) while reading the request again */
  GCancellable    *called_cancellable;    /* (owned) asking whose a called ticket is; new on reset */
  LhNotifier      *notifier;              /* (owned) (nullable) */
  GPtrArray       *dropins;               /* (owned) (nullable) (element-type LhDropin) */
  GPtrArray       *slots;                 /* (owned) (nullable) (element-type LhAdviceSlot) shown */
  LhAdviceRecord  *record;                /* (owned) (nullable) while loading */
  GError          *load_error;            /* (owned) (nullable) the first failure of a load */
  guint            pending;               /* answers a load still waits for */

  /* what the person chose so far */
  LhTopic          topic;
  gboolean         appointment;
  gint64           dropin_id;
  gboolean         dropin_from_list;      /* chosen among several, so Back returns to them */
  LhAdviceSlot    *slot;                  /* (owned) (nullable) */
  LhContact        contact;

  /* template children (unowned) */
  GtkFlowBox      *topics_box;
  GtkButton       *queue_button;
  GtkLabel        *queue_facts_label;
  GtkButton       *book_button;
  GtkLabel        *book_facts_label;
  LhDropinChooser *dropin_chooser;
  GtkFlowBox      *slots_box;
  GtkWidget       *slots_empty_label;
  GtkFlowBox      *contacts_box;
  GtkWidget       *contact_detail_box;
  GtkLabel        *contact_detail_label;
  GtkEntry        *contact_detail_entry;
  GtkTextView     *note_view;
  GtkLabel        *note_count_label;
  GtkWidget       *note_next_button;
  GtkLabel        *confirm_question_label;
  LhAdviceTicket  *ticket;
};

/* lh-advice-page.c */
gboolean   lh_advice_page_is_busy        (LhAdvicePage *self);
/* Now in the centre's time zone. (transfer full) */
GDateTime *lh_advice_page_now            (LhAdvicePage *self);
/* The drop-ins a learner can join: every one open now, else the next
 * today; more than one to choose from, one, or none.
 * (transfer container) (element-type LhDropin) */
GPtrArray *lh_advice_page_joinable_dropins (LhAdvicePage *self);
/* The drop-in of this id in the list loaded last, or NULL. (transfer none) */
LhDropin  *lh_advice_page_find_dropin    (LhAdvicePage *self,
                                          gint64        dropin_id);
void       lh_advice_page_show_step      (LhAdvicePage *self,
                                          const char   *step);
/* Loads the drop-ins, the free times and the record (or, on the ticket,
 * the request) again. */
void       lh_advice_page_load_all       (LhAdvicePage *self);

/* lh-advice-page-steps.c: the questions, as template callbacks */
void       lh_advice_page_show_how       (LhAdvicePage *self);
/* slots (element-type LhAdviceSlot): the free ones ahead are kept. */
void       lh_advice_page_show_slots     (LhAdvicePage *self,
                                          GPtrArray    *slots);
void       lh_advice_page_show_confirm   (LhAdvicePage *self);
/* The phone number or email address as typed, for "By phone" and "By
 * email"; NULL for the others. The daemon checks it. (transfer none) */
const char *lh_advice_page_get_contact_detail (LhAdvicePage *self);
/* Empties and hides the field for it: for the next person. */
void       lh_advice_page_clear_contact_detail (LhAdvicePage *self);
/* The note, stripped, or NULL if empty. (transfer full) */
char      *lh_advice_page_get_note       (LhAdvicePage *self);
void       lh_advice_page_queue_clicked_cb     (LhAdvicePage *self,
                                                GtkButton    *button);
void       lh_advice_page_book_clicked_cb      (LhAdvicePage *self,
                                                GtkButton    *button);
void       lh_advice_page_dropin_chosen_cb     (LhAdvicePage    *self,
                                                gint64           dropin_id,
                                                LhDropinChooser *chooser);
void       lh_advice_page_topic_clicked_cb     (GtkButton    *button,
                                                LhAdvicePage *self);
void       lh_advice_page_contact_clicked_cb   (GtkButton    *button,
                                                LhAdvicePage *self);
void       lh_advice_page_contact_detail_next_clicked_cb (LhAdvicePage *self,
                                                          GtkWidget    *widget);
void       lh_advice_page_note_changed_cb      (LhAdvicePage  *self,
                                                GtkTextBuffer *buffer);
void       lh_advice_page_skip_clicked_cb      (LhAdvicePage *self,
                                                GtkButton    *button);
void       lh_advice_page_note_next_clicked_cb (LhAdvicePage *self,
                                                GtkButton    *button);

/* lh-advice-page-ticket.c */
void       lh_advice_page_show_ticket    (LhAdvicePage          *self,
                                          const LhAdviceRequest *request);
void       lh_advice_page_reload_ticket  (LhAdvicePage *self);
void       lh_advice_page_withdraw_cb    (LhAdvicePage   *self,
                                          LhAdviceTicket *ticket);
void       lh_advice_page_ticket_called_cb (LhAdvicePage *self,
                                            const char   *type,
                                            JsonNode     *data,
                                            LhClient     *client);

G_END_DECLS
