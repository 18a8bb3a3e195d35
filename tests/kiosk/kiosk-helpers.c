/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Driving the kiosk window as a person would: find what is on the screen
 * by its words, press it, wait for the answer. */
#define G_LOG_DOMAIN "test-kiosk"

#include "kiosk-helpers.h"

#include "lh-language.h"

#include "lh-mine-item.h"
#include "lh-mine-words.h"
#include "lh-test-clock.h"

void
kiosk_test_init (int    *argc,
                 char ***argv)
{
  for (const char *const *var = (const char *const[]) { "XDG_CACHE_HOME", "XDG_CONFIG_HOME", "XDG_RUNTIME_DIR", NULL };
       *var != NULL; var++)
    if (g_getenv (*var) != NULL)
      g_mkdir_with_parents (g_getenv (*var), 0700);

  /* No display is a failure, not a skip: gtk_test_init() aborts then. */
  gtk_test_init (argc, argv, NULL);
  adw_init ();
  /* The build tree's catalogues (LEARNHUB_LOCALEDIR), for the tests that
   * switch language. */
  lh_language_bind_domain ();
}

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

gboolean
kiosk_wait_at_most (LhWindow       *window,
                    KioskCondition  condition,
                    gconstpointer   data,
                    guint           milliseconds)
{
  gint64 deadline = g_get_monotonic_time () + (gint64) milliseconds * 1000;

  while (!condition (window, data))
    {
      if (g_get_monotonic_time () > deadline)
        return FALSE;
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  return TRUE;
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

void
kiosk_staff_number_next (LhWindow *window)
{
  /* The daemon gave the length: on to the PIN by itself. */
  if (kiosk_wait_at_most (window, kiosk_label_shown, "Type your PIN", 2000))
    return;
  kiosk_press (window, "Next");
}

/* ---- windows and clients --------------------------------------------- */

gboolean
kiosk_window_mapped (LhWindow *window, gconstpointer data)
{
  return gtk_widget_get_mapped (GTK_WIDGET (window));
}

gboolean
kiosk_client_idle (LhWindow *window, gconstpointer client)
{
  return G_OBJECT (client)->ref_count == 1;
}

gboolean
kiosk_stream_open (LhWindow *window, gconstpointer client)
{
  return lh_client_get_events_connected ((LhClient *) client);
}

void
kiosk_async_result_cb (GObject      *source,
                       GAsyncResult *result,
                       gpointer      user_data)
{
  *(GAsyncResult **) user_data = g_object_ref (result);
}

gboolean
kiosk_result_ready (LhWindow *window, gconstpointer result)
{
  return *(GAsyncResult * const *) result != NULL;
}

void
kiosk_open_window (Kiosk        *kiosk,
                   LhTestDaemon *daemon,
                   const char   *device_token,
                   int           width,
                   int           height)
{
  kiosk->client = lh_client_new (daemon->base_url, device_token, NULL);
  /* GTK owns toplevels; the test keeps its own reference to check that
   * the window is finalised in the end. */
  kiosk->window = g_object_ref (lh_window_new (NULL, kiosk->client));
  if (width > 0 && height > 0)
    gtk_window_set_default_size (GTK_WINDOW (kiosk->window), width, height);
  gtk_window_present (GTK_WINDOW (kiosk->window));
  kiosk_wait_for (kiosk->window, kiosk_window_mapped, NULL, "the window to show");
  kiosk_wait_for_page (kiosk->window, "welcome");
}

void
kiosk_open_signed_in (Kiosk        *kiosk,
                      LhTestDaemon *daemon,
                      const char   *staff,
                      const char   *pin,
                      const char   *name)
{
  kiosk_open_window (kiosk, daemon, daemon->device_token, 0, 0);
  kiosk_sign_in (kiosk->window, staff, pin, name);
}

void
kiosk_open_learner (Kiosk        *kiosk,
                    LhTestDaemon *daemon,
                    guint         learner)
{
  const char *staff, *pin, *name;

  kiosk_demo_learner (daemon, learner, &staff, &pin, &name);
  kiosk_open_signed_in (kiosk, daemon, staff, pin, name);
}

void
kiosk_close (Kiosk *kiosk)
{
  gint64 deadline;

  gtk_window_destroy (GTK_WINDOW (kiosk->window));
  g_assert_finalize_object (g_steal_pointer (&kiosk->window));
  /* The window is gone: no kiosk_wait_for(), which needs it for messages. */
  deadline = g_get_monotonic_time () + WAIT_SECONDS * G_USEC_PER_SEC;
  while (!kiosk_client_idle (NULL, kiosk->client))
    {
      if (g_get_monotonic_time () > deadline)
        g_error ("Timed out waiting for requests in flight to end");
      if (!g_main_context_iteration (NULL, FALSE))
        g_usleep (1000);
    }
  g_assert_finalize_object (g_steal_pointer (&kiosk->client));
}

/* ---- common journeys -------------------------------------------------- */

void
kiosk_fill_screen (GtkWindow *window)
{
  GListModel *monitors = gdk_display_get_monitors (gtk_widget_get_display (GTK_WIDGET (window)));
  g_autoptr(GdkMonitor) monitor = g_list_model_get_item (monitors, 0);
  GdkRectangle geometry;

  if (monitor == NULL)
    return;
  gdk_monitor_get_geometry (monitor, &geometry);
  gtk_window_set_default_size (window, geometry.width, geometry.height);
}

static gboolean
only_learner (JsonArray *roles)
{
  return json_array_get_length (roles) == 1 &&
         g_strcmp0 (json_array_get_string_element (roles, 0), "learner") == 0;
}

static gboolean
has_ulr (JsonArray *roles)
{
  for (guint j = 0; j < json_array_get_length (roles); j++)
    if (g_strcmp0 (json_array_get_string_element (roles, j), "ulr") == 0)
      return TRUE;
  return FALSE;
}

/* The admin alone: lh_test_daemon_account (daemon, "admin", …)'s. */
static gboolean
only_admin (JsonArray *roles)
{
  return json_array_get_length (roles) == 1 &&
         g_strcmp0 (json_array_get_string_element (roles, 0), "admin") == 0;
}

/* The n-th demo account whose roles match; FALSE if there are fewer. */
static gboolean
demo_account (LhTestDaemon  *daemon,
              guint          n,
              gboolean     (*match) (JsonArray *roles),
              const char   **staff,
              const char   **pin,
              const char   **name)
{
  JsonArray *accounts = json_object_get_array_member (json_node_get_object (daemon->demo), "accounts");
  guint seen = 0;

  for (guint i = 0; i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);

      if (!match (json_object_get_array_member (account, "roles")) || seen++ < n)
        continue;
      *staff = json_object_get_string_member (account, "staff_number");
      *pin = json_object_get_string_member (account, "pin");
      *name = json_object_get_string_member (account, "name");
      return TRUE;
    }
  return FALSE;
}

void
kiosk_demo_learner (LhTestDaemon  *daemon,
                    guint          n,
                    const char   **staff,
                    const char   **pin,
                    const char   **name)
{
  if (!demo_account (daemon, n, only_learner, staff, pin, name))
    g_error ("The demo centre has fewer than %u learners", n + 1);
}

void
kiosk_demo_ulr (LhTestDaemon  *daemon,
                guint          n,
                const char   **staff,
                const char   **pin,
                const char   **name)
{
  if (!demo_account (daemon, n, has_ulr, staff, pin, name))
    g_error ("No demo ULR number %u", n);
}

void
kiosk_demo_admin (LhTestDaemon  *daemon,
                  const char   **staff,
                  const char   **pin,
                  const char   **name)
{
  if (!demo_account (daemon, 0, only_admin, staff, pin, name))
    g_error ("No demo admin");
}

void
kiosk_sign_in (LhWindow   *window,
               const char *staff,
               const char *pin,
               const char *name)
{
  g_autofree char *hello = g_strdup_printf ("Hello, %s", name);

  kiosk_press (window, "Tap to start");
  kiosk_wait_for_page (window, "sign-in");
  kiosk_type_digits (window, staff);
  kiosk_staff_number_next (window);
  kiosk_wait_for_label (window, "Type your PIN");
  kiosk_type_digits (window, pin);
  kiosk_press (window, "Sign in");
  kiosk_wait_for_page (window, "home");
  kiosk_wait_for_label (window, hello);
}

char *
kiosk_day_title (LhWindow *window)
{
  GtkWidget *label = kiosk_find_widget (GTK_WIDGET (window), kiosk_has_css_class, "lh-page-title");

  return label && GTK_IS_LABEL (label) ? g_strdup (gtk_label_get_text (GTK_LABEL (label))) : NULL;
}

void
kiosk_show_a_free_slot (LhWindow *window)
{
  kiosk_press (window, "Book a computer");
  kiosk_wait_for_page (window, "book");
  kiosk_press (window, "Tomorrow");
  kiosk_wait_for (window, kiosk_label_prefix_shown, "Tomorrow: ", "tomorrow's slots");

  for (guint day = 1; kiosk_find_button (window, "Free") == NULL; day++)
    {
      g_autofree char *title = kiosk_day_title (window);

      g_assert_cmpuint (day, <, 6);
      g_assert_nonnull (title);
      kiosk_press (window, "See the next day");
      kiosk_wait_for (window, kiosk_label_gone, title, "the next day");
      kiosk_wait_for_label (window, "Soonest free");
    }
}

static void
take_screenshot (const char *path)
{
  g_autoptr(GError) error = NULL;
  int status;

  kiosk_spin (600);
  g_spawn_sync (NULL, (char *[]) { (char *) "/usr/bin/import", (char *) "-window", (char *) "root", (char *) path, NULL },
                NULL, G_SPAWN_DEFAULT, NULL, NULL, NULL, NULL, &status, &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
}

void
kiosk_screenshot (LhWindow   *window,
                  const char *name)
{
  const char *dir = g_getenv ("LH_TEST_SCREENSHOTS");
  g_autofree char *path = NULL;
  g_autofree char *hc_path = NULL;
  gboolean large_text, high_contrast;

  if (dir == NULL)
    return;
  path = g_strdup_printf ("%s/%s.png", dir, name);
  take_screenshot (path);
  g_object_get (window, "large-text", &large_text, "high-contrast", &high_contrast, NULL);
  g_object_set (window, "high-contrast", TRUE, "large-text", TRUE, NULL);
  hc_path = g_strdup_printf ("%s/%s-hc.png", dir, name);
  take_screenshot (hc_path);
  g_object_set (window, "high-contrast", high_contrast, "large-text", large_text, NULL);
}

char *
kiosk_booking_row_title (LhClient        *client,
                         const LhBooking *booking)
{
  g_autoptr(LhMineItem) item = lh_mine_item_new_booking (booking);
  g_autoptr(GDateTime) now = lh_test_clock_now_in (lh_client_get_time_zone (client));

  return lh_mine_format_title (item, now);
}

void
kiosk_setup_always_open_pcs (const char *db_path,
                             gpointer    user_data)
{
  const char *pcs[] = { KIOSK_ALWAYS_OPEN_PC, KIOSK_ALWAYS_OPEN_PC " 2", KIOSK_ALWAYS_OPEN_PC " 3" };
  g_autoptr(GStrvBuilder) tokens = g_strv_builder_new ();

  for (guint i = 0; i < G_N_ELEMENTS (pcs); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *device = g_strdup_printf ("%s kiosk", pcs[i]);
      g_autofree char *added = lh_test_run_ctl (db_path, &error, "resource", "add", pcs[i],
                                                "--hours", "Mon-Sun 00:00-24:00", NULL);
      g_autofree char *token = NULL;

      g_assert_no_error (error);
      token = lh_test_run_ctl (db_path, &error, "device", "add", device, "--pc", pcs[i], NULL);
      g_assert_no_error (error);
      g_strv_builder_add (tokens, g_strstrip (token));
    }
  *(GStrv *) user_data = g_strv_builder_end (tokens);
}
/* Every control on the screen is a touch target (48 px or more each
 * way) with words a screen reader can read. */
static void
assert_touch_targets (GtkWidget *widget)
{
  /* A toast's close button is libadwaita's, labelled by it. */
  if (!gtk_widget_get_mapped (widget) || g_str_equal (G_OBJECT_TYPE_NAME (widget), "AdwToastWidget"))
    return;
  if (GTK_IS_BUTTON (widget) || GTK_IS_ENTRY (widget))
    {
      GString *words = g_string_new (NULL);

      kiosk_find_widget (widget, kiosk_collect_label, words);
      if (gtk_widget_get_height (widget) < 48 || gtk_widget_get_width (widget) < 48)
        g_error ("%s “%s” (%s) is %d×%d", G_OBJECT_TYPE_NAME (widget), words->str, gtk_widget_get_name (widget),
                 gtk_widget_get_width (widget), gtk_widget_get_height (widget));
      /* An entry is labelled by the words above it instead. */
      if (!GTK_IS_ENTRY (widget) && words->len == 0)
        g_error ("%s (%s, %s) has no words", G_OBJECT_TYPE_NAME (widget), gtk_widget_get_name (widget),
                 G_OBJECT_TYPE_NAME (gtk_widget_get_parent (widget)));
      g_string_free (words, TRUE);
      return;
    }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    assert_touch_targets (child);
}

static gboolean
is_unallocated_control (GtkWidget    *widget,
                        gconstpointer data)
{
  return (GTK_IS_BUTTON (widget) || GTK_IS_ENTRY (widget)) && gtk_widget_get_width (widget) == 0;
}

/* A page fading out is given the new page's size until it is gone. */
static gboolean
is_changing_stack (GtkWidget    *widget,
                   gconstpointer data)
{
  return GTK_IS_STACK (widget) && gtk_stack_get_transition_running (GTK_STACK (widget));
}

gboolean
kiosk_laid_out (LhWindow     *window,
                gconstpointer data)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_changing_stack, NULL) == NULL &&
         kiosk_find_widget (GTK_WIDGET (window), is_unallocated_control, NULL) == NULL;
}

void
kiosk_assert_touch_targets (LhWindow *window)
{
  kiosk_wait_for (window, kiosk_laid_out, NULL, "every control laid out");
  assert_touch_targets (GTK_WIDGET (window));
}

static gboolean
is_named (GtkWidget    *widget,
          gconstpointer name)
{
  return gtk_widget_get_mapped (widget) && g_str_equal (gtk_widget_get_name (widget), name);
}

gboolean
kiosk_named_shown (LhWindow     *window,
                   gconstpointer name)
{
  return kiosk_find_widget (GTK_WIDGET (window), is_named, name) != NULL;
}

/* The mapped widget of that name (waiting for it). */
GtkWidget *
kiosk_find_named (LhWindow   *window,
                  const char *name)
{
  kiosk_wait_for (window, kiosk_named_shown, name, name);
  return kiosk_find_widget (GTK_WIDGET (window), is_named, name);
}

