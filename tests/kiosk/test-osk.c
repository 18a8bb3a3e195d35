/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The on-screen keyboard (issue 15): it comes up when a text field gets
 * the focus and types into it, key by key, with the layout of the
 * language. A guest's name typed only by tapping keys is the name the
 * daemon registers. */
#define G_LOG_DOMAIN "test-osk"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-osk.h"
#include "lh-test-daemon.h"

static LhTestDaemon *centre;  /* (owned) */

static gboolean
is_name_entry (GtkWidget *widget, gconstpointer data)
{
  return GTK_IS_ENTRY (widget) && gtk_widget_has_css_class (widget, "lh-name-entry");
}

static gboolean
is_osk (GtkWidget *widget, gconstpointer data)
{
  return LH_IS_OSK (widget);
}

static gboolean
osk_shown (LhWindow *window, gconstpointer data)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_osk, NULL) != NULL;
}

static gboolean
entry_says (LhWindow *window, gconstpointer text)
{
  GtkWidget *entry = kiosk_find_widget (GTK_WIDGET (window), is_name_entry, NULL);

  return entry != NULL && g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (entry)), text) == 0;
}

static gboolean
collect_code (GtkWidget *widget, gconstpointer data)
{
  if (GTK_IS_LABEL (widget) && gtk_widget_has_css_class (widget, "lh-guest-code"))
    g_ptr_array_add ((GPtrArray *) data, g_strdup (gtk_label_get_text (GTK_LABEL (widget))));
  return FALSE;
}

/* Taps the keys, "⇧" for a capital. */
static void
tap_keys (LhWindow   *window,
          const char *const *keys)
{
  for (guint i = 0; keys[i] != NULL; i++)
    kiosk_press (window, keys[i]);
}

static void
test_guest_name (void)
{
  static const char *const keys[] = { "⇧", "S", "a", "m", "x", NULL };
  static const char *const more[] = { "Space", "⇧", "L", "e", "e", NULL };
  Kiosk kiosk;
  GtkWidget *entry;
  g_autoptr(GPtrArray) codes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(JsonObject) answer = NULL;
  g_autofree char *token = NULL;

  kiosk_open_learner (&kiosk, centre, 6);
  /* No text field, no keyboard. */
  g_assert_false (osk_shown (kiosk.window, NULL));
  kiosk_press (kiosk.window, "Bring a family member or friend");
  kiosk_wait_for_page (kiosk.window, "guests");
  entry = kiosk_find_widget (GTK_WIDGET (kiosk.window), is_name_entry, NULL);
  g_assert_nonnull (entry);
  gtk_widget_grab_focus (entry);
  kiosk_wait_for (kiosk.window, osk_shown, NULL, "the on-screen keyboard");
  /* Every key a touch target with a name a screen reader reads. */
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "osk-guest-name");

  tap_keys (kiosk.window, keys);
  kiosk_wait_for (kiosk.window, entry_says, "Samx", "Samx typed");
  kiosk_press (kiosk.window, "⌫");
  tap_keys (kiosk.window, more);
  kiosk_wait_for (kiosk.window, entry_says, "Sam Lee", "Sam Lee typed");

  kiosk_press (kiosk.window, "Next");
  kiosk_press (kiosk.window, "Yes, register my guest");
  kiosk_wait_for_label (kiosk.window, "Sam Lee is now your guest");
  kiosk_find_widget (GTK_WIDGET (kiosk.window), collect_code, codes);
  g_assert_cmpuint (codes->len, ==, 2);

  /* The daemon registered that name. */
  token = kiosk_api_sign_in_as (g_ptr_array_index (codes, 0), g_ptr_array_index (codes, 1),
                                centre->device_token, &answer);
  g_assert_nonnull (token);
  g_assert_cmpstr (json_object_get_string_member (json_object_get_object_member (answer, "person"), "name"),
                   ==, "Sam Lee");
  kiosk_close (&kiosk);
}

/* Which layout a language gets, as gettext names it. */
static void
test_layout_for_language (void)
{
  g_assert_cmpstr (lh_osk_layout_for_language ("pl_PL.UTF-8")->language, ==, "pl");
  g_assert_cmpstr (lh_osk_layout_for_language ("ro")->language, ==, "ro");
  g_assert_cmpstr (lh_osk_layout_for_language ("ar_EG.UTF-8")->language, ==, "ar");
  g_assert_cmpstr (lh_osk_layout_for_language ("de_DE")->language, ==, "en");
  g_assert_cmpstr (lh_osk_layout_for_language ("C")->language, ==, "en");
  g_assert_cmpstr (lh_osk_layout_for_language (NULL)->language, ==, "en");
}

/* Polish letters are one tap away, and type as themselves; so are
 * Romanian's. */
static void
test_own_letters (void)
{
  static const struct { const char *language; const char *const keys[6]; const char *typed; } cases[] = {
    { "pl_PL.UTF-8", { "ł", "ó", "d", "ź", NULL }, "łódź" },
    { "ro_RO.UTF-8", { "ș", "t", "ă", NULL }, "ștă" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      GtkWidget *window = gtk_window_new ();
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
      GtkWidget *entry = gtk_entry_new ();
      GtkWidget *osk = lh_osk_new ();

      gtk_box_append (GTK_BOX (box), entry);
      gtk_box_append (GTK_BOX (box), osk);
      gtk_window_set_child (GTK_WINDOW (window), box);
      lh_osk_set_layout (LH_OSK (osk), lh_osk_layout_for_language (cases[i].language));
      lh_osk_set_target (LH_OSK (osk), GTK_WIDGET (gtk_editable_get_delegate (GTK_EDITABLE (entry))));
      gtk_window_present (GTK_WINDOW (window));
      kiosk_spin (200);
      for (guint k = 0; cases[i].keys[k] != NULL; k++)
        {
          GtkWidget *key = kiosk_find_widget (osk, kiosk_is_button, cases[i].keys[k]);
          int width, height;

          g_assert_nonnull (key);
          gtk_widget_measure (key, GTK_ORIENTATION_HORIZONTAL, -1, &width, NULL, NULL, NULL);
          gtk_widget_measure (key, GTK_ORIENTATION_VERTICAL, -1, &height, NULL, NULL, NULL);
          g_assert_cmpint (width, >=, 48);
          g_assert_cmpint (height, >=, 48);
          g_signal_emit_by_name (key, "clicked");
        }
      g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, cases[i].typed);
      gtk_window_destroy (GTK_WINDOW (window));
    }
}

/* In a text view (a ULR's note, an advice note): Enter is a new line,
 * Delete takes back the last letter, 123 gives the digits. */
static void
test_text_view (void)
{
  GtkWidget *window = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *view = gtk_text_view_new ();
  GtkWidget *osk = lh_osk_new ();
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (view));
  static const char *const keys[] = { "h", "i", "x", "⌫", "Enter", "123", "7", NULL };
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_box_append (GTK_BOX (box), view);
  gtk_box_append (GTK_BOX (box), osk);
  gtk_window_set_child (GTK_WINDOW (window), box);
  lh_osk_set_layout (LH_OSK (osk), lh_osk_layout_for_language ("en_GB.UTF-8"));
  lh_osk_set_target (LH_OSK (osk), view);
  gtk_window_present (GTK_WINDOW (window));
  kiosk_spin (200);
  for (guint k = 0; keys[k] != NULL; k++)
    {
      GtkWidget *key = kiosk_find_widget (osk, kiosk_is_button, keys[k]);

      g_assert_nonnull (key);
      g_signal_emit_by_name (key, "clicked");
    }
  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  g_assert_cmpstr (text, ==, "hi\n7");
  gtk_window_destroy (GTK_WINDOW (window));
}

static gboolean
widget_mapped (LhWindow *window, gconstpointer widget)
{
  return gtk_widget_get_mapped (GTK_WIDGET (widget));
}

static gboolean
widget_unmapped (LhWindow *window, gconstpointer widget)
{
  return !gtk_widget_get_mapped (GTK_WIDGET (widget));
}

/* A text field in a window of its own over the kiosk (a dialog) has the
 * keyboard too, in that window, and the keys type into it. */
static void
test_dialog_field (void)
{
  static const char *const keys[] = { "⇧", "N", "o", "Space", "s", "h", "o", "w", NULL };
  Kiosk kiosk;
  GtkWidget *dialog = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *label = gtk_label_new ("Why?");
  GtkWidget *entry = gtk_entry_new ();
  LhOsk *osk;

  kiosk_open_learner (&kiosk, centre, 5);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), entry);
  gtk_window_set_child (GTK_WINDOW (dialog), box);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (kiosk.window));
  gtk_window_set_modal (GTK_WINDOW (dialog), TRUE);
  osk = lh_osk_attach_window (GTK_WINDOW (dialog));
  g_assert_nonnull (osk);
  /* Once a window, whoever asks. */
  g_assert_true (lh_osk_attach_window (GTK_WINDOW (dialog)) == osk);
  g_assert_true (gtk_widget_is_ancestor (GTK_WIDGET (osk), dialog));
  lh_osk_set_layout (osk, lh_osk_layout_for_language ("en_GB.UTF-8"));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
  kiosk_wait_for (kiosk.window, widget_mapped, osk, "the dialog's on-screen keyboard");
  /* The kiosk's own stays hidden: the field is not in its window. */
  g_assert_false (osk_shown (kiosk.window, NULL));
  for (guint k = 0; keys[k] != NULL; k++)
    {
      GtkWidget *key = kiosk_find_widget (GTK_WIDGET (osk), kiosk_is_button, keys[k]);

      g_assert_nonnull (key);
      g_signal_emit_by_name (key, "clicked");
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "No show");
  g_signal_emit_by_name (kiosk_find_widget (GTK_WIDGET (osk), kiosk_is_button, "Hide keyboard"), "clicked");
  kiosk_wait_for (kiosk.window, widget_unmapped, osk, "the keyboard hidden");
  gtk_window_destroy (GTK_WINDOW (dialog));
  kiosk_close (&kiosk);
}

/* A field for an email address has @ and . among the letters; another
 * field's letters do not. */
static void
test_email_field (void)
{
  static const char *const keys[] = { "s", "a", "m", "@", "e", "x", ".", "u", "k", NULL };
  Kiosk kiosk;
  GtkWidget *dialog = gtk_window_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  GtkWidget *email = gtk_entry_new ();
  GtkWidget *name = gtk_entry_new ();
  LhOsk *osk;

  kiosk_open_learner (&kiosk, centre, 5);
  gtk_entry_set_input_purpose (GTK_ENTRY (email), GTK_INPUT_PURPOSE_EMAIL);
  gtk_box_append (GTK_BOX (box), email);
  gtk_box_append (GTK_BOX (box), name);
  gtk_window_set_child (GTK_WINDOW (dialog), box);
  gtk_window_set_transient_for (GTK_WINDOW (dialog), GTK_WINDOW (kiosk.window));
  osk = lh_osk_attach_window (GTK_WINDOW (dialog));
  lh_osk_set_layout (osk, lh_osk_layout_for_language ("en_GB.UTF-8"));
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (email);
  kiosk_wait_for (kiosk.window, widget_mapped, osk, "the on-screen keyboard");
  for (guint k = 0; keys[k] != NULL; k++)
    {
      GtkWidget *key = kiosk_find_widget (GTK_WIDGET (osk), kiosk_is_button, keys[k]);

      g_assert_nonnull (key);
      g_signal_emit_by_name (key, "clicked");
    }
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (email)), ==, "sam@ex.uk");
  gtk_widget_grab_focus (name);
  g_assert_nonnull (kiosk_find_widget (GTK_WIDGET (osk), kiosk_is_button, "a"));
  g_assert_null (kiosk_find_widget (GTK_WIDGET (osk), kiosk_is_button, "@"));
  gtk_window_destroy (GTK_WINDOW (dialog));
  kiosk_close (&kiosk);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  kiosk_test_init (&argc, &argv);
  centre = lh_test_daemon_start (NULL);
  kiosk_api_init (centre);

  g_test_add_func ("/kiosk/osk/layout-for-language", test_layout_for_language);
  g_test_add_func ("/kiosk/osk/own-letters", test_own_letters);
  g_test_add_func ("/kiosk/osk/text-view", test_text_view);
  g_test_add_func ("/kiosk/osk/guest-name", test_guest_name);
  g_test_add_func ("/kiosk/osk/dialog-field", test_dialog_field);
  g_test_add_func ("/kiosk/osk/email-field", test_email_field);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
