/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-chart-share"

#include "lh-chart-share.h"

#include <glib/gi18n.h>

#include "lh-card-widgets.h"
#include "lh-chart.h"

#define BAR_HEIGHT 48

struct _LhChartShare
{
  GtkWidget  parent_instance;

  gint64     part;
  gint64     whole;
  char      *summary;  /* (owned) */
};

G_DEFINE_FINAL_TYPE (LhChartShare, lh_chart_share, GTK_TYPE_WIDGET)

static void
lh_chart_share_snapshot (GtkWidget   *widget,
                         GtkSnapshot *snapshot)
{
  LhChartShare *self = LH_CHART_SHARE (widget);
  double width = gtk_widget_get_width (widget);
  double height = gtk_widget_get_height (widget);
  GtkRoot *root = gtk_widget_get_root (widget);
  gboolean contrast = root != NULL && gtk_widget_has_css_class (GTK_WIDGET (root), "high-contrast");
  double filled = self->whole > 0 ? width * MIN ((double) self->part / self->whole, 1.0) : 0;
  GdkRGBA ink;
  cairo_t *cr;

  if (width < 4 || height < 4)
    return;
G_GNUC_BEGIN_IGNORE_DEPRECATIONS
  gtk_style_context_get_color (gtk_widget_get_style_context (widget), &ink);
G_GNUC_END_IGNORE_DEPRECATIONS
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, width, height));
  if (contrast)
    cairo_set_source_rgb (cr, 1.0, 1.0, 0.0);
  else
    cairo_set_source_rgb (cr, 0.00, 0.45, 0.70);
  cairo_rectangle (cr, 0, 0, filled, height);
  cairo_fill (cr);
  /* The whole: an outline, the unused part left empty. */
  cairo_set_source_rgba (cr, ink.red, ink.green, ink.blue, ink.alpha);
  cairo_set_line_width (cr, contrast ? 3.0 : 2.0);
  cairo_rectangle (cr, 1, 1, width - 2, height - 2);
  cairo_stroke (cr);
  cairo_destroy (cr);
}

static void
lh_chart_share_measure (GtkWidget      *widget,
                        GtkOrientation  orientation,
                        int             for_size,
                        int            *minimum,
                        int            *natural,
                        int            *minimum_baseline,
                        int            *natural_baseline)
{
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 200 : BAR_HEIGHT;
}

static void
lh_chart_share_finalize (GObject *object)
{
  g_free (LH_CHART_SHARE (object)->summary);

  G_OBJECT_CLASS (lh_chart_share_parent_class)->finalize (object);
}

static void
lh_chart_share_class_init (LhChartShareClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = lh_chart_share_finalize;
  widget_class->snapshot = lh_chart_share_snapshot;
  widget_class->measure = lh_chart_share_measure;
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
lh_chart_share_init (LhChartShare *self)
{
  gtk_widget_set_hexpand (GTK_WIDGET (self), TRUE);
}

static const LhSiteTable *
find_table (const LhSiteSection *section, const char *id)
{
  for (guint t = 0; t < section->tables->len; t++)
    {
      const LhSiteTable *table = g_ptr_array_index (section->tables, t);

      if (g_str_equal (table->id, id))
        return table;
    }
  return NULL;
}

/* The table's one figure (nullable: it has not exactly one). */
static const LhSiteFigure *
only_figure (const LhSiteTable *table)
{
  if (lh_site_table_n_rows (table) != 1 || lh_site_table_n_columns (table) != 1)
    return NULL;
  return lh_site_table_cell (table, 0, 0);
}

GtkWidget *
lh_chart_share_card_new (const LhSiteSection *section)
{
  const LhSiteTable *used_table = find_table (section, "used-minutes");
  const LhSiteTable *open_table = find_table (section, "capacity-minutes");
  const LhSiteFigure *used, *open;
  GtkWidget *card;
  LhChartShare *share;
  g_autofree char *used_words = NULL;
  g_autofree char *open_words = NULL;

  if (used_table == NULL || open_table == NULL ||
      (used = only_figure (used_table)) == NULL || (open = only_figure (open_table)) == NULL)
    return NULL;

  card = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_widget_add_css_class (card, "card");
  gtk_widget_add_css_class (card, "lh-chart-card");
  gtk_box_append (GTK_BOX (card), lh_card_label_new (_("Share of the open time used"), "lh-section-title"));
  if (used->suppressed || open->suppressed || open->value <= 0)
    {
      gtk_box_append (GTK_BOX (card),
                      lh_card_label_new (_("Not shown: the share needs both figures, and one is not shown."),
                                         "lh-chart-caption"));
      return card;
    }
  used_words = lh_chart_format_figure (used_table, used);
  open_words = lh_chart_format_figure (open_table, open);
  share = g_object_new (LH_TYPE_CHART_SHARE, NULL);
  share->part = used->value;
  share->whole = open->value;
  /* Translators: "10091 minutes used of 40000 minutes the PCs were open and in order" */
  share->summary = g_strdup_printf (_("%s used of %s the PCs were open and in order"), used_words, open_words);
  gtk_accessible_update_property (GTK_ACCESSIBLE (share),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Share of the open time used"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, share->summary, -1);
  gtk_box_append (GTK_BOX (card),
                  lh_card_label_new (_("The filled part is the time used; the whole bar, the time open."),
                                     "lh-chart-caption"));
  gtk_box_append (GTK_BOX (card), GTK_WIDGET (share));
  gtk_box_append (GTK_BOX (card), lh_card_label_new (share->summary, "lh-lead"));
  return card;
}

const char *
lh_chart_share_get_summary (LhChartShare *self)
{
  g_return_val_if_fail (LH_IS_CHART_SHARE (self), NULL);

  return self->summary;
}
