/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-dashboard-page"

#include "lh-dashboard-page.h"
#include "lh-may.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-chart-card.h"
#include "lh-chart-keys.h"
#include "lh-chart-share.h"
#include "lh-client-reports.h"
#include "lh-dashboard-period.h"
#include "lh-list-card.h"
#include "lh-report-export.h"
#include "lh-slot-widgets.h"

struct _LhDashboardPage
{
  LhPage             parent_instance;

  LhSiteReport      *report;         /* (owned) (nullable) what is drawn: the
                                      * charts read its tables */
  char              *asked_first;    /* (owned) (nullable) */
  char              *asked_last;     /* (owned) (nullable) */

  /* built (unowned) */
  LhDashboardPeriod *period;
  LhReportExport    *export;

  /* template children (unowned) */
  GtkBox            *period_box;
  GtkBox            *summary_box;
  GtkBox            *sections_box;
};

G_DEFINE_FINAL_TYPE (LhDashboardPage, lh_dashboard_page, LH_TYPE_PAGE)

gboolean
lh_dashboard_page_is_for (const LhPerson *person)
{
  return lh_may (person, LH_WAY_COMMITTEE);
}

/* ---- the report ------------------------------------------------------- */

/* The agreed section ids in the kiosk's own, translated words; a section
 * it does not know yet keeps the daemon's title. */
static const char *
section_words (const LhSiteSection *section)
{
  static const struct { const char *id; const char *words; } known[] = {
    { "usage", N_("Centre usage") },
    { "time-off", N_("Paid time off for learning") },
    { "facility-time", N_("Facility time of union learning reps") },
    { "advice", N_("Advice") },
    { "equipment", N_("Equipment") },
    { "equality", N_("Equality of take-up") },
    { "committee", N_("Meetings and action plan") },
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    if (g_str_equal (section->id, known[i].id))
      return _(known[i].words);
  return section->title;
}

static void
show_report (LhDashboardPage *self,
             LhSiteReport    *report)
{
  g_autofree char *first = lh_dashboard_period_format_day (report->first_day);
  g_autofree char *last = lh_dashboard_period_format_day (report->last_day);
  g_autofree char *period = NULL;
  g_autofree char *privacy = NULL;

  /* The charts read the old report's tables: gone before it is. */
  lh_remove_children (GTK_WIDGET (self->summary_box));
  lh_remove_children (GTK_WIDGET (self->sections_box));
  g_clear_pointer (&self->report, lh_site_report_free);
  self->report = report;
  /* Rows and columns in the kiosk's words; what is saved stays the
   * daemon's (report->json). */
  lh_chart_keys_relabel (report);

  /* Translators: "Northgate Depot Learning Centre, 1 July 2026 to 30 September 2026" */
  period = g_strdup_printf (_("%s, %s to %s"), report->site, first ? first : report->first_day,
                            last ? last : report->last_day);
  privacy = g_strdup_printf (ngettext ("Figures about fewer than %d person are not shown, nor any figure from which one could be worked out.",
                                       "Figures about fewer than %d people are not shown, nor any figure from which one could be worked out.",
                                       report->threshold), report->threshold);
  gtk_box_append (self->summary_box, lh_card_label_new (period, "lh-section-title"));
  gtk_box_append (self->summary_box, lh_card_label_new (privacy, "lh-lead"));

  for (guint s = 0; s < report->sections->len; s++)
    {
      const LhSiteSection *section = g_ptr_array_index (report->sections, s);
      GtkWidget *share;

      if (section->tables->len == 0 && section->lists->len == 0)
        continue;
      gtk_box_append (self->sections_box, lh_card_label_new (section_words (section), "lh-page-title"));
      for (guint t = 0; t < section->tables->len; t++)
        gtk_box_append (self->sections_box,
                        lh_chart_card_new (g_ptr_array_index (section->tables, t), report->threshold));
      share = lh_chart_share_card_new (section);
      if (share != NULL)
        gtk_box_append (self->sections_box, share);
      for (guint l = 0; l < section->lists->len; l++)
        gtk_box_append (self->sections_box, lh_list_card_new (g_ptr_array_index (section->lists, l)));
    }
  if (report->sections->len == 0)
    gtk_box_append (self->sections_box, lh_card_label_new (_("Nothing to show for this period."), "lh-tt-none"));
  /* What is saved is the period drawn. */
  lh_report_export_set_period (self->export, lh_page_get_client (LH_PAGE (self)), report->first_day, report->last_day);
  lh_page_set_content (LH_PAGE (self), "list");
  lh_page_update_online (LH_PAGE (self));
}

static void
report_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr(GError) error = NULL;
  LhSiteReport *report = lh_client_get_site_report_finish (LH_CLIENT (source), result, &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  if (report != NULL)
    show_report (LH_DASHBOARD_PAGE (user_data), report);
  lh_page_end_load (LH_PAGE (user_data), error);
}

static void
load_period (LhDashboardPage *self)
{
  LhClient *client = lh_page_get_client (LH_PAGE (self));
  GCancellable *cancellable;

  if (client == NULL)
    return;
  g_clear_pointer (&self->asked_first, g_free);
  g_clear_pointer (&self->asked_last, g_free);
  lh_dashboard_period_get (self->period, &self->asked_first, &self->asked_last);
  /* Another period: nothing to save until its figures have come. */
  lh_report_export_set_period (self->export, NULL, NULL, NULL);
  cancellable = lh_page_begin_list_load (LH_PAGE (self));
  lh_client_get_site_report_async (client, self->asked_first, self->asked_last, cancellable, report_cb, self);
}

void
lh_dashboard_page_load (LhDashboardPage *self)
{
  g_autoptr(GDateTime) now = NULL;

  g_return_if_fail (LH_IS_DASHBOARD_PAGE (self));

  if (lh_page_get_client (LH_PAGE (self)) == NULL)
    return;
  now = lh_client_now (lh_page_get_client (LH_PAGE (self)));
  lh_dashboard_period_set_today (self->period, now);
  load_period (self);
}

static void
period_changed_cb (LhDashboardPage   *self,
                   LhDashboardPeriod *period)
{
  load_period (self);
}

/* ---- GObject ---------------------------------------------------------- */

/* A meeting or objective changed elsewhere: the figures shown are read
 * again, for the period the member chose. */
static void
lh_dashboard_page_connect_client (LhPage   *page,
                                  LhClient *client)
{
  lh_page_refresh_on_event (page, client, "event::committee-changed");
}

static void
lh_dashboard_page_refresh (LhPage *page)
{
  lh_page_refresh (page, FALSE);
}

static void
lh_dashboard_page_load_page (LhPage *page)
{
  load_period (LH_DASHBOARD_PAGE (page));
}

static void
lh_dashboard_page_update_online (LhPage   *page,
                                 gboolean  online)
{
  LhDashboardPage *self = LH_DASHBOARD_PAGE (page);

  lh_page_set_buttons_sensitive (GTK_WIDGET (self->period_box), online);
  lh_report_export_set_online (self->export, online);
}

static void
lh_dashboard_page_dispose (GObject *object)
{
  LhDashboardPage *self = LH_DASHBOARD_PAGE (object);

  lh_dashboard_page_reset (self);

  G_OBJECT_CLASS (lh_dashboard_page_parent_class)->dispose (object);
}

static void
lh_dashboard_page_finalize (GObject *object)
{
  LhDashboardPage *self = LH_DASHBOARD_PAGE (object);

  g_clear_pointer (&self->report, lh_site_report_free);

  G_OBJECT_CLASS (lh_dashboard_page_parent_class)->finalize (object);
}

static void
lh_dashboard_page_class_init (LhDashboardPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  LhPageClass *page_class = LH_PAGE_CLASS (klass);

  object_class->dispose = lh_dashboard_page_dispose;
  object_class->finalize = lh_dashboard_page_finalize;
  page_class->update_online = lh_dashboard_page_update_online;
  page_class->load = lh_dashboard_page_load_page;
  page_class->refresh = lh_dashboard_page_refresh;
  page_class->connect_client = lh_dashboard_page_connect_client;

  lh_page_class_set_template (widget_class, "/org/learnhub/Kiosk/lh-dashboard-page.ui", TRUE);
  gtk_widget_class_bind_template_child (widget_class, LhDashboardPage, period_box);
  gtk_widget_class_bind_template_child (widget_class, LhDashboardPage, summary_box);
  gtk_widget_class_bind_template_child (widget_class, LhDashboardPage, sections_box);
}

static void
lh_dashboard_page_init (LhDashboardPage *self)
{
  GtkWidget *header = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 16);
  GtkWidget *title = lh_card_label_new (_("Dashboard"), "lh-page-title");

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_widget_set_hexpand (title, TRUE);
  gtk_box_append (GTK_BOX (header), title);
  gtk_box_append (self->period_box, header);

  self->period = LH_DASHBOARD_PERIOD (lh_dashboard_period_new ());
  g_signal_connect_object (self->period, "changed", G_CALLBACK (period_changed_cb), self, G_CONNECT_SWAPPED);
  gtk_box_append (self->period_box, GTK_WIDGET (self->period));
  /* Under the period: what is saved is the period picked. */
  self->export = LH_REPORT_EXPORT (lh_report_export_new ());
  gtk_box_append (self->period_box, GTK_WIDGET (self->export));
}

void
lh_dashboard_page_reset (LhDashboardPage *self)
{
  g_return_if_fail (LH_IS_DASHBOARD_PAGE (self));

  if (self->export != NULL)
    {
      lh_report_export_cancel (self->export);
      lh_report_export_set_period (self->export, NULL, NULL, NULL);
    }
  g_clear_pointer (&self->asked_first, g_free);
  g_clear_pointer (&self->asked_last, g_free);
  if (self->summary_box != NULL)
    {
      lh_remove_children (GTK_WIDGET (self->summary_box));
      lh_remove_children (GTK_WIDGET (self->sections_box));
    }
  g_clear_pointer (&self->report, lh_site_report_free);
  lh_page_reset (LH_PAGE (self), "list");
}

void
lh_dashboard_page_get_asked (LhDashboardPage  *self,
                             const char      **first_day,
                             const char      **last_day)
{
  g_return_if_fail (LH_IS_DASHBOARD_PAGE (self));

  *first_day = self->asked_first;
  *last_day = self->asked_last;
}
