/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The idle warning: the centre's timing (from the daemon), more of it on
 * a page taller than the screen, and the warning said once as an alert. */
#define G_LOG_DOMAIN "lh-window"

#include "lh-window-private.h"

#include <glib/gi18n.h>

/* Only for the moment before the daemon's first answer (health, at
 * start), when nobody is signed in yet; the centre's timing replaces them. */
#define IDLE_SECONDS_UNTIL_TOLD 60
#define IDLE_WARNING_UNTIL_TOLD 30

/* The centre's idle timing for the page shown, unless a test set its own.
 * Returns: whether the time to sign-out changed. */
gboolean
lh_window_apply_idle_timing (LhWindow *self)
{
  static const LhIdleTiming none = { 0 };
  const LhIdleTiming *timing = self->client != NULL ? lh_client_get_idle_timing (self->client) : &none;
  const char *page = gtk_stack_get_visible_child_name (self->stack);
  int idle = self->long_page ? timing->long_page_seconds : timing->idle_seconds;
  int warning = self->idle_warning > 0 ? self->idle_warning : timing->warning_seconds;
  int timeout, before;

  if (self->client == NULL)
    return FALSE;
  if (warning <= 0)
    warning = IDLE_WARNING_UNTIL_TOLD;
  if (idle <= 0)
    idle = MAX (timing->idle_seconds, IDLE_SECONDS_UNTIL_TOLD);
  timeout = self->idle_timeout > 0 ? self->idle_timeout : idle + warning;
  /* A ULR at the desk talks with someone for minutes on end without
   * touching the screen. */
  if (g_strcmp0 (page, "desk") == 0)
    timeout = MAX (timeout, LH_WINDOW_DESK_IDLE_SECONDS);
  g_object_get (self->idle, "timeout", &before, NULL);
  g_object_set (self->idle, "timeout", timeout, "warning", warning, NULL);
  return before != timeout;
}

static GtkScrolledWindow *
find_scrolled (GtkWidget *widget)
{
  if (!gtk_widget_get_mapped (widget))
    return NULL;
  if (GTK_IS_SCROLLED_WINDOW (widget))
    return GTK_SCROLLED_WINDOW (widget);
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    {
      GtkScrolledWindow *found = find_scrolled (child);

      if (found != NULL)
        return found;
    }
  return NULL;
}

/* Measured, not declared: a page is long when its content does not fit
 * the screen, whatever it shows today. */
static gboolean
page_is_long (LhWindow *self)
{
  GtkWidget *page = gtk_stack_get_visible_child (self->stack);
  GtkScrolledWindow *scrolled = page != NULL ? find_scrolled (page) : NULL;
  GtkAdjustment *adjustment;

  if (scrolled == NULL)
    return FALSE;
  adjustment = gtk_scrolled_window_get_vadjustment (scrolled);
  return gtk_adjustment_get_upper (adjustment) - gtk_adjustment_get_lower (adjustment) >
         gtk_adjustment_get_page_size (adjustment) + 1;
}

void
lh_window_idle_countdown_cb (LhWindow      *self,
                   int            seconds,
                   LhIdleMonitor *idle)
{
  g_autofree char *text = NULL;

  if (seconds < 0)
    {
      gtk_widget_set_visible (self->idle_overlay, FALSE);
      return;
    }
  if (lh_client_is_signed_in (self->client))
    text = g_strdup_printf (ngettext ("Signing you out in %d second",
                                      "Signing you out in %d seconds", seconds), seconds);
  else
    text = g_strdup_printf (ngettext ("Going back to the start in %d second",
                                      "Going back to the start in %d seconds", seconds), seconds);
  if (!gtk_widget_get_visible (self->idle_overlay))
    {
      g_autofree char *alert = NULL;

      /* A page taller than the screen takes longer to read: its longer
       * time is given once, as the warning would come. */
      if (!self->long_page && page_is_long (self))
        {
          self->long_page = TRUE;
          if (lh_window_apply_idle_timing (self))
            return;
        }
      gtk_label_set_label (self->idle_countdown_label, text);
      /* Said once as the alert appears, not at every second. */
      alert = g_strdup_printf ("%s %s", _("Are you still there?"), text);
      gtk_accessible_update_property (GTK_ACCESSIBLE (self->idle_card),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, alert, -1);
      gtk_widget_set_visible (self->idle_overlay, TRUE);
      gtk_widget_grab_focus (self->still_here_button);
    }
  else
    gtk_label_set_label (self->idle_countdown_label, text);
}

