/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-dropin-chooser"

#include "lh-dropin-chooser.h"

#include <glib/gi18n.h>

#include "lh-advice-types.h"
#include "lh-advice-words.h"
#include "lh-card-widgets.h"
#include "lh-slot-widgets.h"
#include "lh-time-format.h"

#define DROPIN_ID_KEY "lh-dropin-id"  /* (owned) gint64, on each button */

struct _LhDropinChooser
{
  AdwBin      parent_instance;

  GtkFlowBox *flow;         /* (unowned) */
  GtkWidget  *empty_label;  /* (unowned) */
};

G_DEFINE_FINAL_TYPE (LhDropinChooser, lh_dropin_chooser, ADW_TYPE_BIN)

enum {
  CHOSEN,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static void
clicked_cb (GtkButton       *button,
            LhDropinChooser *self)
{
  gint64 *id = g_object_get_data (G_OBJECT (button), DROPIN_ID_KEY);

  if (id != NULL)
    g_signal_emit (self, signals[CHOSEN], 0, *id);
}

static GtkWidget *
line_new (const char *text,
          const char *css_class)
{
  GtkWidget *label = gtk_label_new (text);

  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_justify (GTK_LABEL (label), GTK_JUSTIFY_CENTER);
  gtk_widget_add_css_class (label, css_class);
  return label;
}

/* "With Sue Bennett, Tomasz Nowak", or NULL when none is named. */
static char *
format_ulrs (const LhDropin *dropin)
{
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) names = NULL;
  g_autofree char *joined = NULL;

  for (guint i = 0; i < dropin->ulrs->len; i++)
    g_strv_builder_add (builder, ((LhUlr *) g_ptr_array_index (dropin->ulrs, i))->name);
  names = g_strv_builder_end (builder);
  if (names[0] == NULL)
    return NULL;
  /* Translators: between the names of a drop-in's ULRs */
  joined = g_strjoinv (_(", "), names);
  return lh_advice_format_with (joined, NULL);
}

/* "On now, until 14:00" or "Later today, 15:00 to 17:00". */
static char *
format_when (const LhDropin *dropin,
             GDateTime      *now)
{
  g_autofree char *from = lh_format_clock (dropin->start);
  g_autofree char *to = lh_format_clock (dropin->end);

  if (g_date_time_compare (dropin->start, now) <= 0)
    /* Translators: a drop-in going on now: "On now, until 14:00" */
    return g_strdup_printf (_("On now, until %s"), to);
  /* Translators: a drop-in still to come today: "Later today, 15:00 to 17:00" */
  return g_strdup_printf (_("Later today, %s to %s"), from, to);
}

static GtkWidget *
dropin_button_new (const LhDropin *dropin,
                   GDateTime      *now)
{
  GtkWidget *button = gtk_button_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  g_autofree char *when = format_when (dropin, now);
  g_autofree char *waiting = lh_advice_format_waiting (dropin->waiting);
  g_autofree char *ulrs = format_ulrs (dropin);
  g_autofree char *spoken = NULL;

  gtk_box_append (GTK_BOX (box), line_new (dropin->place, "lh-dropin-choice-place"));
  gtk_box_append (GTK_BOX (box), line_new (when, "lh-dropin-choice-when"));
  gtk_box_append (GTK_BOX (box), line_new (waiting, "lh-dropin-choice-waiting"));
  if (ulrs != NULL)
    gtk_box_append (GTK_BOX (box), line_new (ulrs, "lh-dropin-choice-ulrs"));
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_button_set_child (GTK_BUTTON (button), box);
  gtk_widget_add_css_class (button, "lh-dropin-choice");

  if (ulrs != NULL)
    /* Translators: what a screen reader says for a drop-in to join:
     * "Join the drop-in at Canteen. On now, until 14:00. 3 people are
     * waiting. With Dev Patel" */
    spoken = g_strdup_printf (_("Join the drop-in at %s. %s. %s. %s"), dropin->place, when, waiting, ulrs);
  else
    /* Translators: the same, for a drop-in with no ULR named */
    spoken = g_strdup_printf (_("Join the drop-in at %s. %s. %s"), dropin->place, when, waiting);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, spoken, -1);
  g_object_set_data_full (G_OBJECT (button), DROPIN_ID_KEY, g_memdup2 (&dropin->id, sizeof dropin->id), g_free);
  return button;
}

void
lh_dropin_chooser_set_dropins (LhDropinChooser *self,
                               GPtrArray       *dropins,
                               GDateTime       *now)
{
  guint n = dropins != NULL ? dropins->len : 0;

  g_return_if_fail (LH_IS_DROPIN_CHOOSER (self));
  g_return_if_fail (now != NULL);

  lh_remove_children (GTK_WIDGET (self->flow));
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *button = dropin_button_new (g_ptr_array_index (dropins, i), now);

      g_signal_connect (button, "clicked", G_CALLBACK (clicked_cb), self);
      lh_flow_box_append (self->flow, button);
    }
  gtk_widget_set_visible (self->empty_label, n == 0);
}

static void
lh_dropin_chooser_class_init (LhDropinChooserClass *klass)
{
  signals[CHOSEN] = g_signal_new ("chosen", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                  G_TYPE_NONE, 1, G_TYPE_INT64);
}

static void
lh_dropin_chooser_init (LhDropinChooser *self)
{
  GtkWidget *scrolled = gtk_scrolled_window_new ();
  GtkWidget *clamp = adw_clamp_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 20);
  GtkWidget *flow = gtk_flow_box_new ();

  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scrolled), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_widget_set_vexpand (scrolled, TRUE);
  adw_clamp_set_maximum_size (ADW_CLAMP (clamp), 1400);
  adw_clamp_set_tightening_threshold (ADW_CLAMP (clamp), 1100);
  gtk_widget_set_margin_top (box, 20);
  gtk_widget_set_margin_start (box, 32);
  gtk_widget_set_margin_end (box, 32);
  gtk_widget_set_margin_bottom (box, 24);

  gtk_box_append (GTK_BOX (box), lh_card_label_new (_("Step 2 of 5"), "lh-step"));
  gtk_box_append (GTK_BOX (box), lh_card_label_new (_("Which drop-in would you like to join?"), "lh-page-title"));
  gtk_box_append (GTK_BOX (box), lh_card_label_new (_("More than one is on now. Tap the one you want."),
                                              "lh-dropin-choice-hint"));

  gtk_flow_box_set_selection_mode (GTK_FLOW_BOX (flow), GTK_SELECTION_NONE);
  gtk_flow_box_set_homogeneous (GTK_FLOW_BOX (flow), TRUE);
  gtk_flow_box_set_min_children_per_line (GTK_FLOW_BOX (flow), 1);
  gtk_flow_box_set_max_children_per_line (GTK_FLOW_BOX (flow), 2);
  gtk_flow_box_set_row_spacing (GTK_FLOW_BOX (flow), 24);
  gtk_flow_box_set_column_spacing (GTK_FLOW_BOX (flow), 24);
  gtk_widget_add_css_class (flow, "lh-flow");
  self->flow = GTK_FLOW_BOX (flow);
  gtk_box_append (GTK_BOX (box), flow);

  self->empty_label = lh_card_label_new (_("No drop-in is on today any more. You can book a time instead."),
                                   "lh-dropin-choice-hint");
  gtk_widget_set_visible (self->empty_label, FALSE);
  gtk_box_append (GTK_BOX (box), self->empty_label);

  adw_clamp_set_child (ADW_CLAMP (clamp), box);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scrolled), clamp);
  adw_bin_set_child (ADW_BIN (self), scrolled);
}
