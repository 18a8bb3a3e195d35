/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-time-off-page"

#include "lh-time-off-page.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-client-time-off.h"
#include "lh-slot-widgets.h"
#include "lh-time-off-words.h"

struct _LhTimeOffPage
{
  LhPage            parent_instance;

  GPtrArray        *decisions;  /* (owned) (element-type LhTimeOff) told on this visit */

  /* template children (unowned) */
  GtkScrolledWindow *scroller;
  GtkBox           *decisions_box;
  GtkLabel         *year_label;
  GtkBox           *categories_box;
  GtkBox           *requests_box;
};

G_DEFINE_FINAL_TYPE (LhTimeOffPage, lh_time_off_page, LH_TYPE_PAGE)

/* ---- decisions -------------------------------------------------------- */

/* Each once, in the order they came. */
static void
add_decisions (LhTimeOffPage *self,
               GPtrArray     *decisions)
{
  for (guint i = 0; i < decisions->len; i++)
    {
      const LhTimeOff *decision = g_ptr_array_index (decisions, i);
      gboolean known = FALSE;

      for (guint j = 0; j < self->decisions->len && !known; j++)
        known = ((const LhTimeOff *) g_ptr_array_index (self->decisions, j))->id == decision->id;
      if (!known)
        g_ptr_array_add (self->decisions, lh_time_off_copy (decision));
    }
}

static void
show_decisions (LhTimeOffPage *self)
{
  lh_remove_children (GTK_WIDGET (self->decisions_box));
  for (guint i = 0; i < self->decisions->len; i++)
    {
      const LhTimeOff *decision = g_ptr_array_index (self->decisions, i);
      gboolean approved = g_strcmp0 (decision->status, "rejected") != 0;
      g_autofree char *text = lh_time_off_format_decision (decision);
      GtkWidget *line = lh_card_line_new (approved ? "emblem-ok-symbolic" : "dialog-information-symbolic",
                                          text, approved ? "lh-good-news" : "lh-message");

      gtk_box_append (self->decisions_box, line);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->decisions_box), self->decisions->len > 0);
}

/* ---- the balance ------------------------------------------------------ */

static GtkWidget *
category_card_new (const LhTimeOffCategory *category,
                   double                   hours_per_day)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 10);
  g_autofree char *left = lh_time_off_format_left (category->remaining_minutes, hours_per_day);
  g_autofree char *taken = lh_time_off_format_taken (category->taken_minutes);
  g_autofree char *booked = lh_time_off_format_booked (category->booked_minutes);
  g_autofree char *pending = lh_time_off_format_pending (category->pending_minutes);
  g_autofree char *matched = NULL;

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-time-off-card");
  gtk_box_append (GTK_BOX (card), lh_card_label_new (lh_time_off_category_title (category->category),
                                                     "lh-section-title"));
  gtk_box_append (GTK_BOX (card), lh_card_label_new (left, "lh-time-off-left"));
  gtk_box_append (GTK_BOX (card), lh_card_line_new ("emblem-ok-symbolic", taken, NULL));
  gtk_box_append (GTK_BOX (card), lh_card_line_new ("x-office-calendar-symbolic", booked, NULL));
  gtk_box_append (GTK_BOX (card), lh_card_line_new ("content-loading-symbolic", pending, NULL));
  if (g_strcmp0 (category->category, "learning") == 0)
    matched = lh_time_off_format_matched (category);
  if (matched != NULL)
    gtk_box_append (GTK_BOX (card), lh_card_line_new ("avatar-default-symbolic", matched, "lh-time-off-matched"));
  return card;
}

static GtkWidget *
request_card_new (const LhTimeOff *request)
{
  GtkWidget *card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *what = lh_time_off_format_request (request);
  g_autofree char *status = lh_time_off_format_request_status (request);

  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-time-off-request");
  gtk_box_append (GTK_BOX (card), lh_card_label_new (what, "lh-time-off-request-what"));
  gtk_box_append (GTK_BOX (card), lh_card_line_new (lh_time_off_state_icon (request), status,
                                                    "lh-time-off-request-status"));
  return card;
}

static void
show_balance (LhTimeOffPage    *self,
              LhTimeOffBalance *balance)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  g_autoptr(GDateTime) now = lh_client_now (client);
  g_autofree char *year = lh_time_off_format_year (balance->year_start, balance->year_end);
  g_autofree char *year_text = NULL;
  GtkAdjustment *vadjustment = gtk_scrolled_window_get_vadjustment (self->scroller);
  double scrolled = gtk_adjustment_get_value (vadjustment);
  GtkWidget *row = NULL;
  guint shown = 0;

  show_decisions (self);
  /* Translators: "Your agreement year: 1 April 2026 to 31 March 2027" */
  year_text = g_strdup_printf (_("Your agreement year: %s"), year);
  gtk_label_set_label (self->year_label, year_text);

  lh_remove_children (GTK_WIDGET (self->categories_box));
  for (guint i = 0; i < balance->categories->len; i++)
    {
      const LhTimeOffCategory *category = g_ptr_array_index (balance->categories, i);

      /* Only what the kiosk can name; facility time is a ULR's page. */
      if (lh_time_off_category_title (category->category) == NULL)
        continue;
      if (row == NULL || gtk_widget_get_last_child (row) != gtk_widget_get_first_child (row))
        {
          row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 20);
          gtk_box_set_homogeneous (GTK_BOX (row), TRUE);
          gtk_box_append (self->categories_box, row);
        }
      gtk_box_append (GTK_BOX (row), category_card_new (category, balance->hours_per_day));
    }
  /* One alone on its row keeps a card's width. */
  if (row != NULL && gtk_widget_get_last_child (row) == gtk_widget_get_first_child (row))
    gtk_box_append (GTK_BOX (row), gtk_box_new (GTK_ORIENTATION_VERTICAL, 0));

  lh_remove_children (GTK_WIDGET (self->requests_box));
  for (guint i = 0; i < balance->requests->len; i++)
    {
      const LhTimeOff *request = g_ptr_array_index (balance->requests, i);

      /* Coming up: not given back, not over. */
      if (g_strcmp0 (request->status, "cancelled") == 0 ||
          (request->end != NULL && g_date_time_compare (request->end, now) <= 0))
        continue;
      gtk_box_append (self->requests_box, request_card_new (request));
      shown++;
    }
  if (shown == 0)
    gtk_box_append (self->requests_box, lh_card_label_new (_("Nothing booked yet."), "lh-time-off-none"));

  lh_page_set_content (LH_PAGE (self), "list");
  /* Shown again after a change: stay where the person was reading. */
  gtk_adjustment_set_value (vadjustment, scrolled);
}

static void
balance_cb (GObject      *source,
            GAsyncResult *result,
            gpointer      user_data)
{
  LhTimeOffPage *self;
  g_autoptr(GError) error = NULL;
  g_autoptr(LhTimeOffBalance) balance = NULL;
  g_autoptr(GPtrArray) decisions = NULL;

  balance = lh_client_get_my_time_off_finish (LH_CLIENT (source), result, &error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;

  self = LH_TIME_OFF_PAGE (user_data);
  /* This answer's, and any the kiosk heard before: shown now, once. */
  decisions = lh_client_take_time_off_decisions (LH_CLIENT (source));
  add_decisions (self, decisions);
  if (balance != NULL)
    show_balance (self, balance);
  lh_page_end_load (LH_PAGE (self), error);
}

static void
lh_time_off_page_load (LhPage *page)
{
  GCancellable *cancellable;

  if (lh_page_get_client (page) == NULL)
    return;
  cancellable = lh_page_begin_list_load (page);
  lh_client_get_my_time_off_async (lh_page_get_client (page), NULL, cancellable, balance_cb, page);
}

static void
lh_time_off_page_refresh (LhPage *page)
{
  lh_page_refresh (page, FALSE);
}

static void
lh_time_off_page_connect_client (LhPage   *page,
                                 LhClient *client)
{
  /* Only reaches a stream opened as the person: approved, or not. */
  lh_page_refresh_on_event (page, client, "event::time-off-decided");
  lh_page_refresh_on_event (page, client, "event::time-off-requests-changed");
}

/* ---- GObject ---------------------------------------------------------- */

static void
lh_time_off_page_dispose (GObject *object)
{
  LhTimeOffPage *self = LH_TIME_OFF_PAGE (object);

  lh_time_off_page_reset (self);
  g_clear_pointer (&self->decisions, g_ptr_array_unref);

  G_OBJECT_CLASS (lh_time_off_page_parent_class)->dispose (object);
}

static void
lh_time_off_page_class_init (LhTimeOffPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_time_off_page_dispose;
  page_class->connect_client = lh_time_off_page_connect_client;
  page_class->load = lh_time_off_page_load;
  page_class->refresh = lh_time_off_page_refresh;

  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-time-off-page.ui", FALSE);
  gtk_widget_class_bind_template_child (widget_class, LhTimeOffPage, scroller);
  gtk_widget_class_bind_template_child (widget_class, LhTimeOffPage, decisions_box);
  gtk_widget_class_bind_template_child (widget_class, LhTimeOffPage, year_label);
  gtk_widget_class_bind_template_child (widget_class, LhTimeOffPage, categories_box);
  gtk_widget_class_bind_template_child (widget_class, LhTimeOffPage, requests_box);
}

static void
lh_time_off_page_init (LhTimeOffPage *self)
{
  self->decisions = g_ptr_array_new_with_free_func ((GDestroyNotify) lh_time_off_free);
  gtk_widget_init_template (GTK_WIDGET (self));
}

gboolean
lh_time_off_page_is_for (const LhPerson *person)
{
  return lh_may (person, LH_WAY_PAID_TIME);
}

void
lh_time_off_page_start (LhTimeOffPage *self)
{
  g_return_if_fail (LH_IS_TIME_OFF_PAGE (self));

  /* Told on the last visit: not again. */
  lh_time_off_page_reset (self);
  lh_time_off_page_load (LH_PAGE (self));
}

void
lh_time_off_page_reset (LhTimeOffPage *self)
{
  g_return_if_fail (LH_IS_TIME_OFF_PAGE (self));

  if (self->decisions != NULL)
    g_ptr_array_set_size (self->decisions, 0);
  if (self->decisions_box != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->decisions_box));
      gtk_widget_set_visible (GTK_WIDGET (self->decisions_box), FALSE);
      lh_remove_children (GTK_WIDGET (self->categories_box));
      lh_remove_children (GTK_WIDGET (self->requests_box));
      gtk_label_set_label (self->year_label, "");
    }
  lh_page_reset (LH_PAGE (self), "list");
}
