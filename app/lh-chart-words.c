/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-chart"

#include "lh-chart-words.h"

#include <glib/gi18n.h>

/* The daemon's report is in English; its tables' and lists' ids are
 * stable (data/report/README.md), so the kiosk words them itself. */
static const struct { const char *id; const char *words; } titles[] = {
  /* usage */
  { "minutes-by-week", N_("Time used a week") },
  { "minutes-by-pc", N_("Time used, by PC") },
  { "learners-by-week", N_("Different learners a week") },
  { "busy-hours", N_("Time used by weekday and hour") },
  { "sittings", N_("Sittings, booked and walk-up") },
  { "guest-minutes", N_("Time used by guests") },
  { "guests", N_("Different guests") },
  { "no-shows", N_("Bookings nobody came for") },
  { "capacity-minutes", N_("Time the PCs were open and in order") },
  { "used-minutes", N_("Time used while open and in order") },
  /* time-off */
  { "minutes-by-category", N_("Paid time off against entitlement") },
  { "matched-time", N_("Matched time") },
  { "minutes-by-department", N_("Paid time off granted and taken, by department") },
  { "requests-waiting", N_("Requests waiting for a decision") },
  { "decisions", N_("Requests decided late or not at all") },
  /* facility-time */
  { "used-against-agreed", N_("ULR facility time used against agreed") },
  { "over-runs", N_("Facility time over-runs") },
  /* advice */
  { "requests-by-topic", N_("Requests by topic") },
  { "requests-by-outcome", N_("Outcomes recorded") },
  { "queue-waits", N_("Waiting at drop-ins") },
  /* equipment */
  { "working-against-minimum", N_("Working equipment against the agreed minimum") },
  { "minutes-below-minimum", N_("Time with fewer working than agreed") },
  { "open-faults-by-age", N_("Faults open at the end, by age") },
  /* equality: one table per factor */
  { "age-band", N_("Age band") },
  { "gender", N_("Gender") },
  { "ethnicity", N_("Ethnicity") },
  { "disability", N_("Disability") },
  { "caring", N_("Caring responsibilities") },
  { "work-pattern", N_("Work pattern") },
  { "qualifications", N_("Prior qualifications") },
  /* committee */
  { "meetings", N_("Meetings of the committee") },
  { "action-plan", N_("Action plan") },
};

const char *
lh_chart_title_words (const char *id,
                      const char *fallback)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (titles); i++)
    if (g_str_equal (id, titles[i].id))
      return _(titles[i].words);
  return fallback;
}

/* A list's headings, by the list's id and the heading's place in it
 * (data/report/README.md); NULL ends a list's. */
static const struct { const char *id; const char *words[8]; } headings[] = {
  { "meetings", { N_("Date"), N_("Time"), N_("Place"), N_("Attended"), N_("Report tabled"), NULL } },
  { "action-plan", { N_("Number"), N_("Planned activity"), N_("By whom"), N_("By when"),
                     N_("Recorded outcomes"), N_("Reviewed / next steps"), N_("Status"), NULL } },
  { "over-runs", { N_("ULR"), N_("Week of"), N_("Hours used"), N_("Hours agreed"), NULL } },
};

const char *
lh_chart_heading_words (const char *list_id,
                        guint       index,
                        const char *fallback)
{
  for (guint i = 0; list_id != NULL && i < G_N_ELEMENTS (headings); i++)
    if (g_str_equal (list_id, headings[i].id))
      {
        for (guint h = 0; h <= index && headings[i].words[h] != NULL; h++)
          if (h == index)
            return _(headings[i].words[h]);
        break;
      }
  return fallback;
}

/* An objective's status comes as a code: said in words. */
const char *
lh_chart_field_words (const char *list_id,
                      guint       index,
                      const char *field)
{
  static const struct { const char *code; const char *words; } statuses[] = {
    { "planned", N_("Planned") },
    { "in-progress", N_("In progress") },
    { "done", N_("Done") },
    { "dropped", N_("Dropped") },
  };

  if (g_strcmp0 (list_id, "action-plan") == 0 && index == 6)
    for (guint i = 0; i < G_N_ELEMENTS (statuses); i++)
      if (g_strcmp0 (field, statuses[i].code) == 0)
        return _(statuses[i].words);
  return field;
}

char *
lh_chart_format_hours (gint64 minutes)
{
  /* Whole tenths, rounded: the same on every machine. */
  gint64 tenths = (minutes + 3) / 6;

  /* Translators: hours and tenths of an hour, "396.9"; use your
   * language's decimal mark */
  return g_strdup_printf (C_("hours", "%d.%d"), (int) MIN (tenths / 10, G_MAXINT), (int) (tenths % 10));
}

char *
lh_chart_format_figure (const LhSiteTable  *table,
                        const LhSiteFigure *figure)
{
  int value;

  if (figure->suppressed)
    return g_strdup (_("Not shown"));
  value = (int) CLAMP (figure->value, 0, G_MAXINT);
  if (g_strcmp0 (table->unit, "minutes") == 0 && value < 60)
    /* Translators: a figure of a chart, "45 minutes" */
    return g_strdup_printf (ngettext ("%d minute", "%d minutes", value), value);
  if (g_strcmp0 (table->unit, "minutes") == 0)
    {
      g_autofree char *hours = lh_chart_format_hours (value);

      /* Translators: a time of a chart, in hours to a tenth: "396.9 hours" */
      return g_strdup_printf (ngettext ("%s hour", "%s hours", value / 60), hours);
    }
  if (g_strcmp0 (table->unit, "people") == 0)
    return g_strdup_printf (ngettext ("%d person", "%d people", value), value);
  if (g_strcmp0 (table->unit, "items") == 0)
    return g_strdup_printf (ngettext ("%d item", "%d items", value), value);
  return g_strdup_printf ("%d", value);
}

static const char *
kind_words (LhSiteChart chart)
{
  switch (chart)
    {
    case LH_SITE_CHART_LINES:
      return _("Line chart");
    case LH_SITE_CHART_HEAT:
      return _("Heat map");
    case LH_SITE_CHART_BARS:
    case LH_SITE_CHART_NONE:
    default:
      return _("Bar chart");
    }
}

char *
lh_chart_describe (const LhSiteTable *table,
                   guint              n_hidden)
{
  guint n_rows = lh_site_table_n_rows (table);
  guint n_columns = lh_site_table_n_columns (table);
  g_autoptr(GString) text = g_string_new (NULL);
  g_autoptr(GString) series = g_string_new (NULL);
  const LhSiteFigure *highest = NULL;
  guint highest_row = 0, highest_column = 0;

  for (guint r = 0; r < n_rows; r++)
    for (guint c = 0; c < n_columns; c++)
      {
        const LhSiteFigure *figure = lh_site_table_cell (table, r, c);

        if (!figure->suppressed && (highest == NULL || figure->value > highest->value))
          {
            highest = figure;
            highest_row = r;
            highest_column = c;
          }
      }
  for (guint c = 0; c < n_columns; c++)
    {
      if (series->len > 0)
        g_string_append (series, ", ");
      g_string_append (series, g_ptr_array_index (table->column_labels, c));
    }
  /* Translators: "Line chart: Time used a week, by PC. Series: PC 1, PC 2." */
  g_string_append_printf (text, _("%s: %s. Series: %s."), kind_words (table->chart),
                          lh_chart_title_words (table->id, table->title), series->str);
  if (n_rows > 0)
    {
      g_string_append_c (text, ' ');
      /* Translators: "From Week of 29 June to Week of 21 September." */
      g_string_append_printf (text, _("From %s to %s."), (char *) g_ptr_array_index (table->row_labels, 0),
                              (char *) g_ptr_array_index (table->row_labels, n_rows - 1));
    }
  if (highest != NULL)
    {
      g_autofree char *figure = lh_chart_format_figure (table, highest);

      g_string_append_c (text, ' ');
      /* Translators: "Highest: 340 minutes, PC 1, Week of 6 July." */
      g_string_append_printf (text, _("Highest: %s, %s, %s."), figure,
                              (char *) g_ptr_array_index (table->column_labels, highest_column),
                              (char *) g_ptr_array_index (table->row_labels, highest_row));
    }
  if (n_hidden > 0)
    {
      g_string_append_c (text, ' ');
      g_string_append_printf (text, ngettext ("%u figure not shown, to protect privacy.",
                                              "%u figures not shown, to protect privacy.", n_hidden),
                              n_hidden);
    }
  return g_string_free (g_steal_pointer (&text), FALSE);
}
