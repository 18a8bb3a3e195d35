/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Driving the kiosk window as a person would: find what is on the screen
 * by its words, press it, wait for the answer. */
#define G_LOG_DOMAIN "test-kiosk"

#include "kiosk-helpers.h"

#define WAIT_SECONDS 20

/* ---- finding widgets -------------------------------------------------- */

GtkWidget *
kiosk_find_widget (GtkWidget       *root,
                   KioskPredicate  predicate,
                   gconstpointer    data)
{
  /* Only what a person could see: hidden stack pages are not mapped. */
  if (!gtk_widget_get_mapped (root))
    return NULL;
  if (predicate (root, data))
    return root;
  for (GtkWidget *child = gtk_widget_get_first_child (root);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkWidget *found = kiosk_find_widget (child, predicate, data);

      if (found != NULL)
        return found;
    }
  return NULL;
}

gboolean
kiosk_is_label (GtkWidget     *widget,
                gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_strcmp0 (gtk_label_get_text (GTK_LABEL (widget)), text) == 0;
}

gboolean
kiosk_is_label_prefix (GtkWidget     *widget,
                       gconstpointer  text)
{
  return GTK_IS_LABEL (widget) && g_str_has_prefix (gtk_label_get_text (GTK_LABEL (widget)), text);
}

gboolean
kiosk_is_button (GtkWidget     *widget,
                 gconstpointer  text)
{
  return GTK_IS_BUTTON (widget) && kiosk_find_widget (widget, kiosk_is_label, text) != NULL;
}

gboolean
kiosk_has_css_class (GtkWidget     *widget,
                     gconstpointer  css_class)
{
  return gtk_widget_has_css_class (widget, css_class);
}

GtkWidget *
kiosk_find_label (LhWindow   *window,
                  const char *text)
{
  return kiosk_find_widget (GTK_WIDGET (window), kiosk_is_label, text);
}

GtkWidget *
kiosk_find_label_prefix (LhWindow   *window,
                         const char *text)
{
  return kiosk_find_widget (GTK_WIDGET (window), kiosk_is_label_prefix, text);
}

GtkWidget *
kiosk_find_button (LhWindow   *window,
                   const char *text)
{
  return kiosk_find_widget (GTK_WIDGET (window), kiosk_is_button, text);
}

/* ---- waiting ---------------------------------------------------------- */

gboolean
kiosk_collect_label (GtkWidget     *widget,
                     gconstpointer  data)
{
  if (GTK_IS_LABEL (widget) && *gtk_label_get_text (GTK_LABEL (widget)) != '\0')
    g_string_append_printf ((GString *) data, " “%s”", gtk_label_get_text (GTK_LABEL (widget)));
  return FALSE;
}

/* What a person would read on the screen now, for failure messages. */
char *
kiosk_screen_text (LhWindow *window)
{
  GString *text = g_string_new (NULL);

  kiosk_find_widget (GTK_WIDGET (window), kiosk_collect_label, text);
  return g_string_free (text, FALSE);
}

void
kiosk_wait_for (LhWindow      *window,
                KioskCondition      condition,
                gconstpointer  data,
                const char    *what)
{
  gint64 deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;

  while (!condition (window, data))
    {
      if (g_get_monotonic_time () > deadline)
        {
          g_autofree char *text = kiosk_screen_text (window);

          g_error ("Timed out waiting for %s (page %s, showing%s)", what,
                   lh_window_get_visible_page_name (window), text);
        }
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (2000);
    }
}

/* Lets pending events and short timers run. */
void
kiosk_spin (guint milliseconds)
{
  gint64 end = g_get_monotonic_time () + milliseconds * 1000;

  while (g_get_monotonic_time () < end)
    if (!g_main_context_iteration (NULL, FALSE))
      g_usleep (2000);
}

gboolean
kiosk_label_shown (LhWindow *window, gconstpointer text)
{
  return kiosk_find_label (window, text) != NULL;
}

gboolean
kiosk_label_prefix_shown (LhWindow *window, gconstpointer text)
{
  return kiosk_find_label_prefix (window, text) != NULL;
}

gboolean
kiosk_label_gone (LhWindow *window, gconstpointer text)
{
  return kiosk_find_label (window, text) == NULL;
}

gboolean
kiosk_button_ready (LhWindow *window, gconstpointer text)
{
  GtkWidget *button = kiosk_find_button (window, text);

  return button != NULL && gtk_widget_is_sensitive (button);
}

gboolean
kiosk_page_shown (LhWindow *window, gconstpointer name)
{
  return g_strcmp0 (lh_window_get_visible_page_name (window), name) == 0;
}

void
kiosk_wait_for_page (LhWindow *window, const char *name)
{
  g_autofree char *what = g_strdup_printf ("page %s", name);

  kiosk_wait_for (window, kiosk_page_shown, name, what);
}

void
kiosk_wait_for_label (LhWindow *window, const char *text)
{
  g_autofree char *what = g_strdup_printf ("label “%s”", text);

  kiosk_wait_for (window, kiosk_label_shown, text, what);
}

/* Presses the visible, sensitive button with these words on it. */
void
kiosk_press (LhWindow   *window,
             const char *text)
{
  g_autofree char *what = g_strdup_printf ("button “%s”", text);

  kiosk_wait_for (window, kiosk_button_ready, text, what);
  g_signal_emit_by_name (kiosk_find_button (window, text), "clicked");
}

void
kiosk_type_digits (LhWindow   *window,
                   const char *digits)
{
  for (const char *d = digits; *d != '\0'; d++)
    {
      char key[2] = { *d, '\0' };

      kiosk_press (window, key);
    }
}
