/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-approvals-page"

#include "lh-approvals-page.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-approval-words.h"
#include "lh-busy.h"
#include "lh-card-widgets.h"
#include "lh-client-approvals.h"
#include "lh-reason-picker.h"
#include "lh-slot-widgets.h"

#define APPROVAL_KEY "lh-approval"

struct _LhApprovalsPage
{
  LhPage           parent_instance;

  int              pending;            /* -1: not known */
  GCancellable    *count_cancellable;  /* (owned) (nullable) while counting */
  GCancellable    *decide_cancellable; /* (owned) (nullable) while a decision is sent */
  GtkButton       *busy_button;        /* (owned) (nullable) the card's button sent */
  LhApproval      *rejecting;          /* (owned) (nullable) on the reject view */
  LhApproval      *deciding;           /* (owned) (nullable) the one sent */

  /* built (unowned) */
  LhReasonPicker  *reasons;

  /* template children (unowned) */
  GtkLabel        *waiting_label;
  GtkBox          *cards_box;
  GtkBox          *reasons_box;
  GtkLabel        *confirm_question_label;
};

G_DEFINE_FINAL_TYPE (LhApprovalsPage, lh_approvals_page, LH_TYPE_PAGE)

enum {
  PROP_0,
  PROP_PENDING,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
set_pending (LhApprovalsPage *self,
             int              pending)
{
  if (self->pending == pending)
    return;
  self->pending = pending;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PENDING]);
}

static gboolean
admin_signed_in (LhApprovalsPage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));

  return client != NULL && lh_client_is_signed_in (client) &&
         lh_approvals_page_is_for (lh_client_get_person (client));
}

/* While a decision is on its way nothing else may be sent: the buttons
 * wait, whatever the connection does. */
static void
update_buttons (LhApprovalsPage *self)
{
  lh_page_set_buttons_sensitive (GTK_WIDGET (self->cards_box),
                                 lh_page_is_online (LH_PAGE (self)) && self->decide_cancellable == NULL);
}

/* ---- the list --------------------------------------------------------- */

static void approve_clicked_cb (LhApprovalsPage *self, GtkButton *button);
static void reject_clicked_cb (LhApprovalsPage *self, GtkButton *button);

static GtkWidget *
decision_button (LhApprovalsPage  *self,
                 const LhApproval *approval,
                 gboolean          approve)
{
  g_autofree char *a11y = approve ? lh_approval_format_approve_a11y (approval)
                                  : lh_approval_format_reject_a11y (approval);
  GtkWidget *button = gtk_button_new_with_label (approve ? _("Approve") : _("Reject"));

  gtk_widget_add_css_class (button, "lh-primary");
  gtk_widget_add_css_class (button, approve ? "suggested-action" : "destructive-action");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data_full (G_OBJECT (button), APPROVAL_KEY, lh_approval_copy (approval),
                          (GDestroyNotify) lh_approval_free);
  g_signal_connect_object (button, "clicked", approve ? G_CALLBACK (approve_clicked_cb)
                                                      : G_CALLBACK (reject_clicked_cb),
                           self, G_CONNECT_SWAPPED);
  return button;
}

static GtkWidget *
card_new (LhApprovalsPage  *self,
          const LhApproval *approval)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 24);
  GtkWidget *facts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 8);
  GtkWidget *buttons = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  g_autofree char *who = lh_approval_format_who (approval);
  g_autofree char *what = lh_approval_format_what (approval);
  g_autofree char *when = lh_approval_format_when (approval);
  g_autofree char *length = lh_approval_format_length (approval);
  /* Two requests of one person on one day look alike, as they should to
   * an admin; the name tells their cards apart. */
  g_autofree char *name = g_strdup_printf ("approval-%" G_GINT64_FORMAT, approval->id);

  gtk_widget_set_name (card, name);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-group-card");
  gtk_widget_set_hexpand (facts, TRUE);
  gtk_box_append (GTK_BOX (facts), lh_card_label_new (who, "lh-group-title"));
  gtk_box_append (GTK_BOX (facts), lh_card_line_new (lh_approval_icon_name (approval), what, "lh-section-title"));
  gtk_box_append (GTK_BOX (facts), lh_card_line_new ("x-office-calendar-symbolic", when, NULL));
  gtk_box_append (GTK_BOX (facts), lh_card_line_new ("alarm-symbolic", length, "lh-group-fullness"));
  gtk_box_append (GTK_BOX (card), facts);

  gtk_widget_set_valign (buttons, GTK_ALIGN_CENTER);
  gtk_box_append (GTK_BOX (buttons), decision_button (self, approval, TRUE));
  gtk_box_append (GTK_BOX (buttons), decision_button (self, approval, FALSE));
  gtk_box_append (GTK_BOX (card), buttons);
  return card;
}

static void
show_list (LhApprovalsPage *self,
           GPtrArray       *approvals)
{
  g_autofree char *waiting = lh_approval_format_waiting (approvals->len);

  lh_remove_children (GTK_WIDGET (self->cards_box));
  gtk_label_set_label (self->waiting_label, waiting);
  for (guint i = 0; i < approvals->len; i++)
    gtk_box_append (self->cards_box, card_new (self, g_ptr_array_index (approvals, i)));
  lh_page_set_content (LH_PAGE (self), "list");
  update_buttons (self);
  /* The list is the freshest count there is. */
  set_pending (self, (int) approvals->len);
}

static void
list_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) approvals = lh_client_list_approvals_finish (LH_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (approvals != NULL)
    show_list (LH_APPROVALS_PAGE (user_data), approvals);
  lh_page_end_load (LH_PAGE (user_data), error);
}

static void
load_list (LhApprovalsPage *self)
{
  GCancellable *cancellable;

  if (!admin_signed_in (self))
    return;
  cancellable = lh_page_begin_list_load (LH_PAGE (self));
  lh_client_list_approvals_async (lh_page_get_client (LH_PAGE (self)), cancellable, list_cb, self);
}

/* ---- deciding --------------------------------------------------------- */

static void
decided_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(LhApproval) decided = lh_client_decide_approval_finish (LH_CLIENT (source), result, &error);
  g_autoptr(LhApproval) sent = NULL;
  g_autofree char *message = NULL;
  LhApprovalsPage *self;
  gboolean from_list;
  gboolean gone;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_APPROVALS_PAGE (user_data);
  sent = g_steal_pointer (&self->deciding);
  g_clear_object (&self->decide_cancellable);
  from_list = self->busy_button != NULL;
  if (self->busy_button != NULL)
    lh_busy_end (self->busy_button);
  g_clear_object (&self->busy_button);
  lh_page_end_confirm (LH_PAGE (self));
  update_buttons (self);

  if (g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_UNAUTHORIZED))
    return;  /* the window signs out and says so */
  if (error == NULL)
    {
      g_autofree char *toast = g_strcmp0 (decided->status, "approved") == 0 ? lh_approval_format_approved (sent)
                                                                            : lh_approval_format_rejected (sent);

      gtk_widget_activate_action (GTK_WIDGET (self), "kiosk.toast", "s", toast);
      g_clear_pointer (&self->rejecting, lh_approval_free);
      load_list (self);
      return;
    }

  g_debug ("Deciding time-off request %" G_GINT64_FORMAT " failed: %s", sent->id, error->message);
  message = lh_approval_format_refusal (error);
  gone = g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_CONFLICT) ||
         g_error_matches (error, LH_CLIENT_ERROR, LH_CLIENT_ERROR_NOT_FOUND);
  if (!from_list && !gone)
    {
      lh_page_show_confirm_error (LH_PAGE (self), message);
      return;
    }
  /* Decided elsewhere meanwhile, or changed while this was on its way:
   * the list is read again, and the message stays above it. */
  g_clear_pointer (&self->rejecting, lh_approval_free);
  if (gone || lh_page_is_stale (LH_PAGE (self)))
    load_list (self);
  else
    lh_page_set_view (LH_PAGE (self), "list");
  lh_page_show_message (LH_PAGE (self), message);
}

static void
send_decision (LhApprovalsPage  *self,
               const LhApproval *approval,
               gboolean          approve,
               const char       *reason)
{
  self->decide_cancellable = g_cancellable_new ();
  g_clear_pointer (&self->deciding, lh_approval_free);
  self->deciding = lh_approval_copy (approval);
  update_buttons (self);
  lh_client_decide_approval_async (lh_page_get_client (LH_PAGE (self)), approval->id, approve, reason,
                                   self->decide_cancellable, decided_cb, self);
}

static void
approve_clicked_cb (LhApprovalsPage *self,
                    GtkButton       *button)
{
  const LhApproval *approval = g_object_get_data (G_OBJECT (button), APPROVAL_KEY);

  /* A second tap, or one on another card, while a decision is on its way
   * sends nothing. */
  if (self->decide_cancellable != NULL || !lh_page_is_online (LH_PAGE (self)) || approval == NULL)
    return;
  lh_page_show_message (LH_PAGE (self), NULL);
  g_set_object (&self->busy_button, button);
  lh_busy_begin (button);
  send_decision (self, approval, TRUE, NULL);
}

/* ---- rejecting, with a reason ----------------------------------------- */

static void
reason_changed_cb (LhApprovalsPage *self,
                   LhReasonPicker  *picker)
{
  lh_page_show_confirm_error (LH_PAGE (self), NULL);
}

static void
reject_clicked_cb (LhApprovalsPage *self,
                   GtkButton       *button)
{
  const LhApproval *approval = g_object_get_data (G_OBJECT (button), APPROVAL_KEY);
  g_autofree char *title = NULL;
  g_autofree char *facts = NULL;

  if (self->decide_cancellable != NULL || !lh_page_is_online (LH_PAGE (self)) || approval == NULL)
    return;
  g_clear_pointer (&self->rejecting, lh_approval_free);
  self->rejecting = lh_approval_copy (approval);
  title = lh_approval_format_reject_title (approval);
  facts = lh_approval_format_reject_facts (approval);
  lh_reason_picker_clear (self->reasons);
  gtk_label_set_label (self->confirm_question_label, title);
  lh_page_show_confirm (LH_PAGE (self), facts, TRUE);
}

static void
confirm_clicked_cb (LhApprovalsPage *self,
                    GtkButton       *button)
{
  g_autofree char *reason = NULL;

  if (self->decide_cancellable != NULL || self->rejecting == NULL || !lh_page_can_confirm (LH_PAGE (self)))
    return;
  reason = lh_reason_picker_get_reason (self->reasons);
  if (reason == NULL)
    {
      lh_page_show_confirm_error (LH_PAGE (self), _("Please tap a reason, or type one. They will see it."));
      return;
    }
  lh_page_begin_confirm (LH_PAGE (self));
  send_decision (self, self->rejecting, FALSE, reason);
}

static void
confirm_back_clicked_cb (LhApprovalsPage *self,
                         GtkButton       *button)
{
  lh_approvals_page_go_back (self);
}

/* ---- the count -------------------------------------------------------- */

static void
count_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) approvals = lh_client_list_approvals_finish (LH_CLIENT (source), result, &error);
  LhApprovalsPage *self;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self = LH_APPROVALS_PAGE (user_data);
  g_clear_object (&self->count_cancellable);
  if (approvals == NULL)
    {
      /* The home page says only "Time off to approve" then. */
      g_debug ("Counting time-off requests failed: %s", error->message);
      return;
    }
  if (admin_signed_in (self))
    set_pending (self, (int) approvals->len);
}

static void
requests_changed_cb (LhApprovalsPage *self,
                     const char      *type,
                     JsonNode        *data,
                     LhClient        *client)
{
  JsonObject *object = data != NULL && JSON_NODE_HOLDS_OBJECT (data) ? json_node_get_object (data) : NULL;
  JsonNode *pending = object != NULL ? json_object_get_member (object, "pending") : NULL;

  /* Sent to every kiosk: only an admin's counts. */
  if (!admin_signed_in (self))
    return;
  if (pending != NULL && JSON_NODE_HOLDS_VALUE (pending) && json_node_get_value_type (pending) == G_TYPE_INT64)
    set_pending (self, (int) CLAMP (json_node_get_int (pending), 0, G_MAXINT));
  else
    lh_approvals_page_count (self);
}

/* Events missed while the stream was down are not sent again: count
 * afresh once it is back. */
static void
online_changed_cb (LhApprovalsPage *self,
                   GParamSpec      *pspec,
                   LhClient        *client)
{
  if (lh_client_get_online (client))
    lh_approvals_page_count (self);
}

/* ---- LhPage ----------------------------------------------------------- */

static void
lh_approvals_page_connect_client (LhPage   *page,
                                  LhClient *client)
{
  g_signal_connect_object (client, "event::time-off-requests-changed",
                           G_CALLBACK (requests_changed_cb), page, G_CONNECT_SWAPPED);
  lh_page_refresh_on_event (page, client, "event::time-off-requests-changed");
  g_signal_connect_object (client, "notify::online", G_CALLBACK (online_changed_cb), page, G_CONNECT_SWAPPED);
}

static void
lh_approvals_page_refresh (LhPage *page)
{
  LhApprovalsPage *self = LH_APPROVALS_PAGE (page);

  /* Not under someone choosing a reason, nor under a decision on its way:
   * once it is done, the list is read again anyway. */
  lh_page_refresh (page, !lh_page_view_is (page, "list") || self->decide_cancellable != NULL);
}

static void
lh_approvals_page_load_page (LhPage *page)
{
  load_list (LH_APPROVALS_PAGE (page));
}

static void
lh_approvals_page_update_online (LhPage   *page,
                                 gboolean  online)
{
  update_buttons (LH_APPROVALS_PAGE (page));
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_approvals_page_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  LhApprovalsPage *self = LH_APPROVALS_PAGE (object);

  switch (prop_id)
    {
    case PROP_PENDING:
      g_value_set_int (value, self->pending);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
lh_approvals_page_dispose (GObject *object)
{
  LhApprovalsPage *self = LH_APPROVALS_PAGE (object);

  lh_approvals_page_reset (self);

  G_OBJECT_CLASS (lh_approvals_page_parent_class)->dispose (object);
}

static void
lh_approvals_page_class_init (LhApprovalsPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->get_property = lh_approvals_page_get_property;
  object_class->dispose = lh_approvals_page_dispose;
  page_class->connect_client = lh_approvals_page_connect_client;
  page_class->update_online = lh_approvals_page_update_online;
  page_class->load = lh_approvals_page_load_page;
  page_class->refresh = lh_approvals_page_refresh;

  properties[PROP_PENDING] =
    g_param_spec_int ("pending", NULL, NULL, -1, G_MAXINT, -1,
                      G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-approvals-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhApprovalsPage, waiting_label);
  gtk_widget_class_bind_template_child (widget_class, LhApprovalsPage, cards_box);
  gtk_widget_class_bind_template_child (widget_class, LhApprovalsPage, reasons_box);
  gtk_widget_class_bind_template_child (widget_class, LhApprovalsPage, confirm_question_label);
  gtk_widget_class_bind_template_callback (widget_class, confirm_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, confirm_back_clicked_cb);
}

static void
lh_approvals_page_init (LhApprovalsPage *self)
{
  self->pending = -1;
  gtk_widget_init_template (GTK_WIDGET (self));
  self->reasons = LH_REASON_PICKER (lh_reason_picker_new (lh_approval_reasons ()));
  g_signal_connect_object (self->reasons, "changed", G_CALLBACK (reason_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->reasons_box, GTK_WIDGET (self->reasons));
  gtk_button_set_label (lh_page_get_confirm_button (LH_PAGE (self)), _("Reject this request"));
}

/* ---- API -------------------------------------------------------------- */

gboolean
lh_approvals_page_is_for (const LhPerson *person)
{
  return lh_may (person, LH_WAY_ADMIN);
}

void
lh_approvals_page_load (LhApprovalsPage *self)
{
  g_return_if_fail (LH_IS_APPROVALS_PAGE (self));

  if (self->decide_cancellable != NULL)
    return;
  lh_page_show_message (LH_PAGE (self), NULL);
  load_list (self);
}

void
lh_approvals_page_count (LhApprovalsPage *self)
{
  g_return_if_fail (LH_IS_APPROVALS_PAGE (self));

  if (!admin_signed_in (self))
    return;
  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  self->count_cancellable = g_cancellable_new ();
  lh_client_list_approvals_async (lh_page_get_client (LH_PAGE (self)), self->count_cancellable, count_cb, self);
}

int
lh_approvals_page_get_pending (LhApprovalsPage *self)
{
  g_return_val_if_fail (LH_IS_APPROVALS_PAGE (self), -1);

  return self->pending;
}

void
lh_approvals_page_reset (LhApprovalsPage *self)
{
  g_return_if_fail (LH_IS_APPROVALS_PAGE (self));

  g_cancellable_cancel (self->count_cancellable);
  g_clear_object (&self->count_cancellable);
  g_cancellable_cancel (self->decide_cancellable);
  g_clear_object (&self->decide_cancellable);
  if (self->busy_button != NULL)
    lh_busy_end (self->busy_button);
  g_clear_object (&self->busy_button);
  g_clear_pointer (&self->rejecting, lh_approval_free);
  g_clear_pointer (&self->deciding, lh_approval_free);
  if (self->cards_box != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->cards_box));
      gtk_label_set_label (self->waiting_label, "");
      lh_reason_picker_clear (self->reasons);
    }
  set_pending (self, -1);
  lh_page_reset (LH_PAGE (self), "list");
}

gboolean
lh_approvals_page_go_back (LhApprovalsPage *self)
{
  g_return_val_if_fail (LH_IS_APPROVALS_PAGE (self), FALSE);

  if (!lh_page_view_is (LH_PAGE (self), "confirm"))
    return FALSE;
  /* The decision is on its way: wait for its answer. */
  if (self->decide_cancellable != NULL)
    return TRUE;
  g_clear_pointer (&self->rejecting, lh_approval_free);
  lh_page_set_view (LH_PAGE (self), "list");
  /* Requests came or went while a reason was being chosen. */
  if (lh_page_is_stale (LH_PAGE (self)))
    load_list (self);
  return TRUE;
}
