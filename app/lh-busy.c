/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-busy"

#include "lh-busy.h"

#include <glib/gi18n.h>

#define BUSY_KEY "lh-busy"
#define SPINNER_DELAY_MS 150

typedef struct
{
  GtkButton *button;     /* (unowned) the state is the button's object data */
  guint      timeout_id;
  GtkWidget *old_child;  /* (owned) (nullable) while the spinner shows */
  char      *old_label;  /* (owned) (nullable) if the content was a plain label */
  gboolean   old_underline;
} BusyState;

static void
busy_state_free (BusyState *state)
{
  g_clear_handle_id (&state->timeout_id, g_source_remove);
  g_clear_object (&state->old_child);
  g_free (state->old_label);
  g_free (state);
}

static gboolean
show_spinner_cb (gpointer user_data)
{
  BusyState *state = user_data;
  GtkWidget *box;
  GtkWidget *spinner;
  GtkWidget *label;
  const char *label_text;

  state->timeout_id = 0;

  label_text = gtk_button_get_label (state->button);
  if (label_text != NULL)
    {
      state->old_label = g_strdup (label_text);
      state->old_underline = gtk_button_get_use_underline (state->button);
    }
  else if (gtk_button_get_child (state->button) != NULL)
    state->old_child = g_object_ref (gtk_button_get_child (state->button));

  box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_widget_set_halign (box, GTK_ALIGN_CENTER);
  spinner = gtk_spinner_new ();
  gtk_spinner_start (GTK_SPINNER (spinner));
  gtk_widget_set_size_request (spinner, 32, 32);
  label = gtk_label_new (_("Please wait…"));
  gtk_box_append (GTK_BOX (box), spinner);
  gtk_box_append (GTK_BOX (box), label);
  gtk_button_set_child (state->button, box);
  gtk_widget_add_css_class (GTK_WIDGET (state->button), "lh-busy");

  return G_SOURCE_REMOVE;
}

void
lh_busy_begin (GtkButton *button)
{
  BusyState *state;

  g_return_if_fail (GTK_IS_BUTTON (button));

  if (lh_busy_is_busy (button))
    return;

  state = g_new0 (BusyState, 1);
  state->button = button;
  state->timeout_id = g_timeout_add (SPINNER_DELAY_MS, show_spinner_cb, state);
  g_object_set_data_full (G_OBJECT (button), BUSY_KEY, state, (GDestroyNotify) busy_state_free);
  gtk_widget_set_sensitive (GTK_WIDGET (button), FALSE);
}

void
lh_busy_end (GtkButton *button)
{
  BusyState *state;

  g_return_if_fail (GTK_IS_BUTTON (button));

  state = g_object_get_data (G_OBJECT (button), BUSY_KEY);
  if (state == NULL)
    return;

  if (state->old_label != NULL)
    {
      gtk_button_set_label (button, state->old_label);
      gtk_button_set_use_underline (button, state->old_underline);
    }
  else if (state->old_child != NULL)
    gtk_button_set_child (button, state->old_child);
  gtk_widget_remove_css_class (GTK_WIDGET (button), "lh-busy");
  gtk_widget_set_sensitive (GTK_WIDGET (button), TRUE);
  /* Frees the state and stops its timeout. */
  g_object_set_data (G_OBJECT (button), BUSY_KEY, NULL);
}

gboolean
lh_busy_is_busy (GtkButton *button)
{
  g_return_val_if_fail (GTK_IS_BUTTON (button), FALSE);

  return g_object_get_data (G_OBJECT (button), BUSY_KEY) != NULL;
}
