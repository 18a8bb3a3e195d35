/* SPDX-License-Identifier: GPL-3.0-or-later */
#define G_LOG_DOMAIN "lh-osk"

#include "lh-osk.h"

#include <glib/gi18n.h>

/* Touch targets: every key at least 56 px, Space and Enter 64 px high. */
#define KEY_PX 56
#define BIG_KEY_PX 64

struct _LhOsk
{
  GtkBox             parent_instance;

  const LhOskLayout *layout;   /* (unowned) static */
  GtkWidget         *target;   /* (unowned) (nullable) weak */
  gboolean           shift;    /* the next letter a capital */
  gboolean           symbols;  /* the digits and symbols page shown */
  gboolean           email;    /* the field wants an email address */
  GtkWidget         *rows;     /* (unowned) the keys, rebuilt on each change */
};

G_DEFINE_FINAL_TYPE (LhOsk, lh_osk, GTK_TYPE_BOX)

static void rebuild (LhOsk *self);

/* ---- typing ----------------------------------------------------------- */

static void
type_text (LhOsk      *self,
           const char *text)
{
  if (self->target == NULL)
    return;
  if (GTK_IS_TEXT_VIEW (self->target))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->target));

      gtk_text_buffer_delete_selection (buffer, TRUE, TRUE);
      gtk_text_buffer_insert_interactive_at_cursor (buffer, text, -1, TRUE);
      gtk_text_view_scroll_mark_onscreen (GTK_TEXT_VIEW (self->target), gtk_text_buffer_get_insert (buffer));
    }
  else if (GTK_IS_EDITABLE (self->target))
    {
      GtkEditable *editable = GTK_EDITABLE (self->target);
      int position;

      gtk_editable_delete_selection (editable);
      position = gtk_editable_get_position (editable);
      gtk_editable_insert_text (editable, text, -1, &position);
      gtk_editable_set_position (editable, position);
    }
}

static void
delete_back (LhOsk *self)
{
  if (self->target == NULL)
    return;
  if (GTK_IS_TEXT_VIEW (self->target))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->target));
      GtkTextIter cursor;

      if (gtk_text_buffer_delete_selection (buffer, TRUE, TRUE))
        return;
      gtk_text_buffer_get_iter_at_mark (buffer, &cursor, gtk_text_buffer_get_insert (buffer));
      gtk_text_buffer_backspace (buffer, &cursor, TRUE, TRUE);
    }
  else if (GTK_IS_EDITABLE (self->target))
    {
      GtkEditable *editable = GTK_EDITABLE (self->target);
      int start, end;

      if (gtk_editable_get_selection_bounds (editable, &start, &end))
        {
          gtk_editable_delete_selection (editable);
          return;
        }
      end = gtk_editable_get_position (editable);
      if (end > 0)
        gtk_editable_delete_text (editable, end - 1, end);
    }
}

/* Enter: a new line in a text view; in an entry, what Enter does there
 * (the form's next step, often). */
static void
enter (LhOsk *self)
{
  if (self->target == NULL)
    return;
  if (GTK_IS_TEXT_VIEW (self->target))
    type_text (self, "\n");
  else
    gtk_widget_activate (self->target);
}

/* ---- keys ------------------------------------------------------------- */

static void
char_clicked_cb (GtkButton *button,
                 LhOsk     *self)
{
  type_text (self, g_object_get_data (G_OBJECT (button), "lh-osk-text"));
  if (self->shift)
    {
      /* One capital, as a phone's keyboard does. */
      self->shift = FALSE;
      rebuild (self);
    }
}

static void
word_clicked_cb (GtkButton *button,
                 LhOsk     *self)
{
  const char *what = g_object_get_data (G_OBJECT (button), "lh-osk-word");

  if (g_str_equal (what, "shift"))
    {
      self->shift = !self->shift;
      rebuild (self);
    }
  else if (g_str_equal (what, "symbols"))
    {
      self->symbols = !self->symbols;
      self->shift = FALSE;
      rebuild (self);
    }
  else if (g_str_equal (what, "delete"))
    delete_back (self);
  else if (g_str_equal (what, "space"))
    type_text (self, " ");
  else if (g_str_equal (what, "enter"))
    enter (self);
  else if (g_str_equal (what, "done"))
    {
      GtkRoot *root = self->target != NULL ? gtk_widget_get_root (self->target) : NULL;

      /* The field lets the focus go: a tap on it brings the keyboard back. */
      lh_osk_set_target (self, NULL);
      if (root != NULL)
        gtk_root_set_focus (root, NULL);
    }
}

static GtkWidget *
key_new (const char *label,
         int         width,
         int         height)
{
  GtkWidget *button = gtk_button_new_with_label (label);

  gtk_widget_set_focusable (button, FALSE);
  gtk_widget_set_focus_on_click (button, FALSE);
  gtk_widget_set_size_request (button, width, height);
  gtk_widget_add_css_class (button, "lh-osk-key");
  return button;
}

static GtkWidget *
char_key_new (LhOsk      *self,
              const char *text)
{
  GtkWidget *button = key_new (text, KEY_PX, KEY_PX);

  g_object_set_data_full (G_OBJECT (button), "lh-osk-text", g_strdup (text), g_free);
  g_signal_connect (button, "clicked", G_CALLBACK (char_clicked_cb), self);
  return button;
}

/* label: what the key shows; name: what a screen reader says. */
static GtkWidget *
word_key_new (LhOsk      *self,
              const char *what,
              const char *label,
              const char *name,
              int         width,
              int         height)
{
  GtkWidget *button = key_new (label, width, height);

  gtk_widget_add_css_class (button, "lh-osk-word");
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, name, -1);
  g_object_set_data (G_OBJECT (button), "lh-osk-word", (gpointer) what);
  g_signal_connect (button, "clicked", G_CALLBACK (word_clicked_cb), self);
  return button;
}

static GtkWidget *
row_new (void)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);

  gtk_widget_set_halign (row, GTK_ALIGN_CENTER);
  return row;
}

static void
rebuild (LhOsk *self)
{
  const char *const *rows = self->symbols ? lh_osk_symbol_rows () : self->layout->rows;
  gboolean capitals = self->shift && !self->symbols && self->layout->has_case;
  GtkWidget *child, *row;

  while ((child = gtk_widget_get_first_child (self->rows)) != NULL)
    gtk_box_remove (GTK_BOX (self->rows), child);

  for (guint i = 0; rows[i] != NULL; i++)
    {
      row = row_new ();
      for (const char *c = rows[i]; *c != '\0'; c = g_utf8_next_char (c))
        {
          char text[8] = { 0 };
          g_autofree char *upper = NULL;

          g_unichar_to_utf8 (g_utf8_get_char (c), text);
          upper = capitals ? g_utf8_strup (text, -1) : NULL;
          gtk_box_append (GTK_BOX (row), char_key_new (self, upper != NULL ? upper : text));
        }
      /* Delete at the end of the first row, as on a keyboard. */
      if (i == 0)
        gtk_box_append (GTK_BOX (row),
                        word_key_new (self, "delete", "⌫", _("Delete"), KEY_PX * 2, KEY_PX));
      gtk_box_append (GTK_BOX (self->rows), row);
    }

  row = row_new ();
  if (self->layout->has_case && !self->symbols)
    {
      GtkWidget *shift = word_key_new (self, "shift", "⇧", _("Capital letter"), KEY_PX * 2, BIG_KEY_PX);

      if (self->shift)
        gtk_widget_add_css_class (shift, "suggested-action");
      gtk_accessible_update_state (GTK_ACCESSIBLE (shift), GTK_ACCESSIBLE_STATE_PRESSED,
                                   self->shift ? GTK_ACCESSIBLE_TRISTATE_TRUE : GTK_ACCESSIBLE_TRISTATE_FALSE, -1);
      gtk_box_append (GTK_BOX (row), shift);
    }
  gtk_box_append (GTK_BOX (row),
                  self->symbols
                  /* Translators: the on-screen keyboard's key back to the letters */
                  ? word_key_new (self, "symbols", C_("keyboard", "abc"), _("Letters"), KEY_PX * 2, BIG_KEY_PX)
                  : word_key_new (self, "symbols", "123", _("Numbers and symbols"), KEY_PX * 2, BIG_KEY_PX));
  /* An email address needs these among the letters, not a page away. */
  if (self->email && !self->symbols)
    {
      gtk_box_append (GTK_BOX (row), char_key_new (self, "@"));
      gtk_box_append (GTK_BOX (row), char_key_new (self, "."));
    }
  gtk_box_append (GTK_BOX (row),
                  word_key_new (self, "space", C_("keyboard", "Space"), _("Space"), KEY_PX * 6, BIG_KEY_PX));
  gtk_box_append (GTK_BOX (row),
                  word_key_new (self, "enter", C_("keyboard", "Enter"), _("Enter"), KEY_PX * 2, BIG_KEY_PX));
  gtk_box_append (GTK_BOX (row),
                  word_key_new (self, "done", C_("keyboard", "Hide keyboard"), _("Hide keyboard"),
                                KEY_PX * 3, BIG_KEY_PX));
  gtk_box_append (GTK_BOX (self->rows), row);
}

/* ---- the widget ------------------------------------------------------- */

static void
target_gone_cb (gpointer  data,
                GObject  *where_the_object_was)
{
  LhOsk *self = LH_OSK (data);

  self->target = NULL;
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

static void
lh_osk_dispose (GObject *object)
{
  lh_osk_set_target (LH_OSK (object), NULL);

  G_OBJECT_CLASS (lh_osk_parent_class)->dispose (object);
}

static void
lh_osk_class_init (LhOskClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = lh_osk_dispose;
}

static void
lh_osk_init (LhOsk *self)
{
  gtk_orientable_set_orientation (GTK_ORIENTABLE (self), GTK_ORIENTATION_VERTICAL);
  gtk_widget_add_css_class (GTK_WIDGET (self), "lh-osk");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, _("On-screen keyboard"), -1);
  self->rows = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (self->rows, 8);
  gtk_widget_set_margin_bottom (self->rows, 8);
  gtk_box_append (GTK_BOX (self), self->rows);
  self->layout = lh_osk_layout_current ();
  rebuild (self);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
}

GtkWidget *
lh_osk_new (void)
{
  return g_object_new (LH_TYPE_OSK, NULL);
}

void
lh_osk_set_layout (LhOsk             *self,
                   const LhOskLayout *layout)
{
  g_return_if_fail (LH_IS_OSK (self));

  self->layout = layout != NULL ? layout : lh_osk_layout_current ();
  self->shift = FALSE;
  self->symbols = FALSE;
  rebuild (self);
}

void
lh_osk_set_target (LhOsk     *self,
                   GtkWidget *target)
{
  g_return_if_fail (LH_IS_OSK (self));

  if (self->target == target)
    return;
  if (self->target != NULL)
    g_object_weak_unref (G_OBJECT (self->target), target_gone_cb, self);
  self->target = target;
  if (target != NULL)
    {
      /* A field for a phone number opens on the digits; any other on
       * the letters. */
      GtkInputPurpose purpose = GTK_IS_TEXT (target) ? gtk_text_get_input_purpose (GTK_TEXT (target))
                                                     : GTK_INPUT_PURPOSE_FREE_FORM;
      gboolean digits = purpose == GTK_INPUT_PURPOSE_PHONE;
      gboolean email = purpose == GTK_INPUT_PURPOSE_EMAIL;

      g_object_weak_ref (G_OBJECT (target), target_gone_cb, self);
      if (digits != self->symbols || email != self->email)
        {
          self->symbols = digits;
          self->email = email;
          self->shift = FALSE;
          rebuild (self);
        }
    }
  gtk_widget_set_visible (GTK_WIDGET (self), target != NULL);
}

/* ---- keeping the field in view ---------------------------------------- */

/* Frames to keep the field in view for (under a second): the keyboard
 * takes its room only once the window is laid out again, and a page may
 * still be sliding in. */
#define REVEAL_FRAMES 40

/* Scrolls the page so that the field (its whole entry) is above the
 * keyboard that just came up beneath it. */
static gboolean
reveal_tick_cb (GtkWidget     *target,
                GdkFrameClock *clock,
                gpointer       data)
{
  guint left = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (target), "lh-osk-reveal"));
  GtkWidget *field = gtk_widget_get_ancestor (target, GTK_TYPE_ENTRY);
  GtkWidget *scrolled = gtk_widget_get_ancestor (target, GTK_TYPE_SCROLLED_WINDOW);
  GtkRoot *root = gtk_widget_get_root (target);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  graphene_point_t top;

  if (field == NULL)
    field = target;
  /* An entry's text is what has the focus. */
  if (scrolled != NULL && focus != NULL && (focus == target || gtk_widget_is_ancestor (focus, target)) &&
      gtk_widget_compute_point (field, scrolled, &GRAPHENE_POINT_INIT (0, 0), &top))
    {
      GtkAdjustment *adjustment = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (scrolled));
      double bottom = top.y + gtk_widget_get_height (field) + 16;
      double page = gtk_adjustment_get_page_size (adjustment);
      double value = gtk_adjustment_get_value (adjustment);

      if (bottom > page)
        gtk_adjustment_set_value (adjustment, value + bottom - page);
      else if (top.y < 0)
        gtk_adjustment_set_value (adjustment, value + top.y - 16);
    }
  left = left > 0 ? left - 1 : 0;
  g_object_set_data (G_OBJECT (target), "lh-osk-reveal", GUINT_TO_POINTER (left));
  return left > 0 ? G_SOURCE_CONTINUE : G_SOURCE_REMOVE;
}

void
lh_osk_reveal (GtkWidget *target)
{
  gboolean running;

  g_return_if_fail (GTK_IS_WIDGET (target));

  running = g_object_get_data (G_OBJECT (target), "lh-osk-reveal") != NULL;

  g_object_set_data (G_OBJECT (target), "lh-osk-reveal", GUINT_TO_POINTER (REVEAL_FRAMES));
  if (!running)
    gtk_widget_add_tick_callback (target, reveal_tick_cb, NULL, NULL);
}

/* ---- attached to a window --------------------------------------------- */

/* Free text: an editable GtkText (inside a GtkEntry) or GtkTextView; not
 * a spin button's number, which has its own + and −. */
static GtkWidget *
text_field (GtkWidget *focus)
{
  if (focus == NULL)
    return NULL;
  if (GTK_IS_TEXT_VIEW (focus))
    return gtk_text_view_get_editable (GTK_TEXT_VIEW (focus)) ? focus : NULL;
  if (GTK_IS_TEXT (focus) && gtk_editable_get_editable (GTK_EDITABLE (focus)) &&
      gtk_widget_get_ancestor (focus, GTK_TYPE_SPIN_BUTTON) == NULL &&
      gtk_widget_get_ancestor (focus, GTK_TYPE_PASSWORD_ENTRY) == NULL)
    return focus;
  return NULL;
}

static void
focus_changed_cb (GtkWindow  *window,
                  GParamSpec *pspec,
                  LhOsk      *self)
{
  GtkWidget *target = text_field (gtk_window_get_focus (window));

  lh_osk_set_target (self, target);
  if (target != NULL)
    lh_osk_reveal (target);
}

#define OSK_KEY "lh-osk"

/* The window's content and a way to put a box in its place: a libadwaita
 * window has content, a plain GtkWindow (a dialog) a child. */
static GtkWidget *
window_content (GtkWindow *window)
{
  if (ADW_IS_APPLICATION_WINDOW (window))
    return adw_application_window_get_content (ADW_APPLICATION_WINDOW (window));
  if (ADW_IS_WINDOW (window))
    return adw_window_get_content (ADW_WINDOW (window));
  return gtk_window_get_child (window);
}

static void
set_window_content (GtkWindow *window,
                    GtkWidget *content)
{
  if (ADW_IS_APPLICATION_WINDOW (window))
    adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), content);
  else if (ADW_IS_WINDOW (window))
    adw_window_set_content (ADW_WINDOW (window), content);
  else
    gtk_window_set_child (window, content);
}

LhOsk *
lh_osk_attach_window (GtkWindow *window)
{
  g_autoptr(GtkWidget) content = NULL;
  GtkWidget *osk, *box;

  g_return_val_if_fail (GTK_IS_WINDOW (window), NULL);

  /* Once a window: the application's hook and the window's own may both
   * ask. */
  osk = g_object_get_data (G_OBJECT (window), OSK_KEY);
  if (osk != NULL)
    return LH_OSK (osk);
  if (window_content (window) == NULL)
    return NULL;

  content = g_object_ref (window_content (window));
  set_window_content (window, NULL);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  osk = lh_osk_new ();
  gtk_widget_set_vexpand (content, TRUE);
  gtk_box_append (GTK_BOX (box), content);
  gtk_box_append (GTK_BOX (box), osk);
  set_window_content (window, box);
  g_object_set_data (G_OBJECT (window), OSK_KEY, osk);
  g_signal_connect_object (window, "notify::focus-widget", G_CALLBACK (focus_changed_cb), osk, 0);
  return LH_OSK (osk);
}

LhOsk *
lh_osk_attach (AdwApplicationWindow *window)
{
  g_return_val_if_fail (ADW_IS_APPLICATION_WINDOW (window), NULL);

  return lh_osk_attach_window (GTK_WINDOW (window));
}
