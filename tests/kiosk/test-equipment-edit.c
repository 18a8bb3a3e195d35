/* SPDX-License-Identifier: GPL-3.0-or-later */
/* The admin adds an item to the inventory and edits one's details at
 * the kiosk: a new keyboard is listed with what was typed, and one added
 * at another admin's kiosk shows up by itself; a desk's place changes (a
 * place too long is refused with the daemon's limit); a computer is
 * unlinked from its PC and linked again; a new item with an asset tag
 * already in use is refused in the kiosk's words from the daemon's reason
 * code, and nothing changes.
 * Real widgets under Xvfb against a real learnhubd with the demo centre;
 * what the daemon recorded is read back over the API as its admin. */
#define G_LOG_DOMAIN "test-equipment-edit"

#include <adwaita.h>
#include <string.h>

#include "kiosk-api.h"
#include "kiosk-helpers.h"
#include "lh-test-daemon.h"
#include "lh-window.h"

static LhTestDaemon *centre;  /* (owned) */

#define HOME_BUTTON "Equipment and faults"

/* The item as the admin's API lists it (a new reference), or NULL. */
static JsonObject *
listed_item (const char *asset_tag)
{
  const char *staff, *pin, *name;
  g_autofree char *admin = NULL;
  g_autoptr(JsonObject) body = NULL;
  JsonArray *items;

  kiosk_demo_admin (centre, &staff, &pin, &name);
  admin = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  g_assert_cmpuint (kiosk_api_call ("GET", "/equipment", admin, NULL, &body), ==, 200);
  items = json_object_get_array_member (body, "items");
  for (guint i = 0; i < json_array_get_length (items); i++)
    {
      JsonObject *item = json_array_get_object_element (items, i);

      if (g_str_equal (json_object_get_string_member (item, "asset_tag"), asset_tag))
        return json_object_ref (item);
    }
  return NULL;
}

static guint
inventory_size (void)
{
  const char *staff, *pin, *name;
  g_autofree char *admin = NULL;
  g_autoptr(JsonObject) body = NULL;

  kiosk_demo_admin (centre, &staff, &pin, &name);
  admin = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  g_assert_cmpuint (kiosk_api_call ("GET", "/equipment", admin, NULL, &body), ==, 200);
  return json_array_get_length (json_object_get_array_member (body, "items"));
}

static void
click_named (LhWindow   *window,
             const char *name)
{
  GtkWidget *button = kiosk_find_named (window, name);

  g_assert_true (gtk_widget_is_sensitive (button));
  g_signal_emit_by_name (button, "clicked");
}

static void
type_into (LhWindow   *window,
           const char *name,
           const char *text)
{
  gtk_editable_set_text (GTK_EDITABLE (kiosk_find_named (window, name)), text);
}

/* Save is not ready, and says why beside it and to a screen reader; or
 * (why NULL) it is ready with no reason shown. */
static void
assert_save_why (LhWindow   *window,
                 const char *why)
{
  GtkWidget *save = kiosk_find_named (window, "save");

  g_assert_cmpint (gtk_widget_get_sensitive (save), ==, why == NULL);
  if (why == NULL)
    {
      g_assert_null (kiosk_find_widget (GTK_WIDGET (window), kiosk_has_css_class, "lh-why-disabled"));
      return;
    }
  g_assert_nonnull (kiosk_find_label (window, why));
  gtk_test_accessible_assert_property (GTK_ACCESSIBLE (save), GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, why);
}

static gboolean
label_prefix_gone (LhWindow     *window,
                   gconstpointer text)
{
  return !kiosk_label_prefix_shown (window, text);
}

static void
open_equipment (Kiosk *kiosk)
{
  const char *staff, *pin, *name;

  kiosk_demo_admin (centre, &staff, &pin, &name);
  kiosk_open_signed_in (kiosk, centre, staff, pin, name);
  kiosk_fill_screen (GTK_WINDOW (kiosk->window));
  kiosk_press (kiosk->window, HOME_BUTTON);
  kiosk_wait_for_page (kiosk->window, "equipment");
}

/* A large-key keyboard added, then listed with what was typed. */
static void
test_add_item (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(JsonObject) added = NULL;
  g_autofree char *admin = NULL;
  const char *staff, *pin, *name;

  g_assert_null (listed_item ("LC-0601"));
  open_equipment (&kiosk);
  click_named (kiosk.window, "add-item");
  kiosk_wait_for_label (kiosk.window, "Add an item to the inventory");
  /* The PC is asked only of a computer. */
  g_assert_false (kiosk_named_shown (kiosk.window, "pc-0"));
  /* Save says what the form still lacks, one thing at a time. */
  assert_save_why (kiosk.window, "Type the asset tag first");
  type_into (kiosk.window, "asset-tag", "LC-0601");
  assert_save_why (kiosk.window, "Choose what kind of item it is first");
  click_named (kiosk.window, "kind-computer");
  assert_save_why (kiosk.window, NULL);
  g_assert_nonnull (kiosk_find_named (kiosk.window, "pc-0"));
  click_named (kiosk.window, "kind-accessibility");
  kiosk_wait_for (kiosk.window, kiosk_label_gone, "Which bookable PC is this computer?", "the PC chooser hidden");
  type_into (kiosk.window, "description", "Large-key keyboard");
  type_into (kiosk.window, "location", "PC room, by the window");
  type_into (kiosk.window, "note", "Asked for by a learner");
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-equipment-add");
  click_named (kiosk.window, "save");

  /* Its own page, then the list with it in. */
  kiosk_wait_for_label (kiosk.window, "Status: Working");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "LC-0601: ", "the new item's page");
  added = listed_item ("LC-0601");
  g_assert_nonnull (added);
  g_assert_cmpstr (json_object_get_string_member (added, "kind"), ==, "accessibility");
  g_assert_cmpstr (json_object_get_string_member (added, "location"), ==, "PC room, by the window");
  kiosk_press (kiosk.window, "Back to the list");
  g_assert_nonnull (kiosk_find_named (kiosk.window, "item-LC-0601"));

  /* Added meanwhile at another admin's kiosk: listed by itself (once the
   * list's own load is over). */
  kiosk_spin (1000);
  kiosk_demo_admin (centre, &staff, &pin, &name);
  admin = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  g_assert_cmpuint (kiosk_api_call ("POST", "/equipment", admin, "{\"asset_tag\": \"LC-0602\", \"kind\": \"headset\"}",
                                    NULL), ==, 201);
  g_assert_nonnull (kiosk_find_named (kiosk.window, "item-LC-0602"));
  kiosk_close (&kiosk);
}

/* A desk moved to another room: only its place changes. */
static void
test_edit_location (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(JsonObject) before = listed_item ("LC-0205");
  g_autoptr(JsonObject) unchanged = NULL;
  g_autoptr(JsonObject) after = NULL;
  g_autofree char *long_location = NULL;
  g_autofree char *other_admin = NULL;
  g_autofree char *path = NULL;
  const char *staff, *pin, *name;

  open_equipment (&kiosk);
  click_named (kiosk.window, "item-LC-0205");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "LC-0205: ", "the item's page");
  click_named (kiosk.window, "edit-item");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Details of LC-0205, ", "the details form");
  /* An item's asset tag and kind stay as they are. */
  g_assert_false (kiosk_named_shown (kiosk.window, "asset-tag"));
  g_assert_false (kiosk_named_shown (kiosk.window, "kind-desk"));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kiosk_find_named (kiosk.window, "location"))), ==,
                   json_object_get_string_member (before, "location"));
  /* Nothing changed yet: nothing to save. */
  assert_save_why (kiosk.window, "Change a detail first");
  /* Too long: the limit is the daemon's, said of the box it is in. */
  long_location = g_strnfill (101, 'x');
  type_into (kiosk.window, "location", long_location);
  click_named (kiosk.window, "save");
  kiosk_wait_for_label (kiosk.window, "Where it is kept is too long: say it in at most 100 letters.");
  unchanged = listed_item ("LC-0205");
  g_assert_cmpstr (json_object_get_string_member (unchanged, "location"), ==,
                   json_object_get_string_member (before, "location"));
  /* Meanwhile another admin says what it is: this form, which changes
   * only where it is kept, sends only that and leaves theirs standing. */
  kiosk_demo_admin (centre, &staff, &pin, &name);
  other_admin = kiosk_api_sign_in_as (staff, pin, centre->device_token, NULL);
  path = g_strdup_printf ("/equipment/%" G_GINT64_FORMAT, json_object_get_int_member (before, "id"));
  g_assert_cmpuint (kiosk_api_call ("PATCH", path, other_admin, "{\"description\": \"Standing desk\"}", NULL), ==,
                    200);
  type_into (kiosk.window, "location", "Quiet room");
  type_into (kiosk.window, "note", "Moved for the maths course");
  kiosk_assert_touch_targets (kiosk.window);
  kiosk_screenshot (kiosk.window, "kiosk-equipment-edit");
  click_named (kiosk.window, "save");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "LC-0205: ", "the item's page again");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "The details of LC-0205 are saved.", "the toast");
  after = listed_item ("LC-0205");
  g_assert_cmpstr (json_object_get_string_member (after, "location"), ==, "Quiet room");
  g_assert_cmpstr (json_object_get_string_member (after, "description"), ==, "Standing desk");
  kiosk_close (&kiosk);
}

/* Back tapped while the PCs are read for "Edit details": the list, not
 * the Add form when the PCs come. */
static void
test_back_while_pcs_load (void)
{
  Kiosk kiosk = { 0 };

  open_equipment (&kiosk);
  click_named (kiosk.window, "item-LC-0205");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "LC-0205: ", "the item's page");
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the item's page laid out");
  /* In the same turn of the main loop: the PCs cannot have come yet. */
  click_named (kiosk.window, "edit-item");
  g_signal_emit_by_name (kiosk_find_button (kiosk.window, "Back to the list"), "clicked");
  g_assert_false (kiosk_wait_at_most (kiosk.window, kiosk_label_shown, "Add an item to the inventory", 1500));
  g_assert_nonnull (kiosk_find_named (kiosk.window, "item-LC-0205"));
  kiosk_close (&kiosk);
}

/* A computer's PC: the one it is, chosen; unlinked, then linked again. */
static void
test_edit_pc (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(JsonObject) before = listed_item ("LC-0006");
  g_autoptr(JsonObject) unlinked = NULL;
  g_autoptr(JsonObject) linked = NULL;
  gint64 pc_id = json_object_get_int_member (json_object_get_object_member (before, "pc"), "id");
  g_autofree char *pc_button = g_strdup_printf ("pc-%" G_GINT64_FORMAT, pc_id);

  open_equipment (&kiosk);
  click_named (kiosk.window, "item-LC-0006");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "LC-0006: ", "the item's page");
  click_named (kiosk.window, "edit-item");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Details of LC-0006, ", "the details form");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (kiosk_find_named (kiosk.window, pc_button))));
  click_named (kiosk.window, "pc-0");
  click_named (kiosk.window, "save");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "The details of LC-0006 are saved.", "the toast");
  unlinked = listed_item ("LC-0006");
  g_assert_true (json_object_get_null_member (unlinked, "pc"));

  /* Once the form has faded out, or its old buttons are still there. */
  kiosk_wait_for (kiosk.window, kiosk_laid_out, NULL, "the item's page laid out");
  click_named (kiosk.window, "edit-item");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "Details of LC-0006, ", "the details form again");
  g_assert_true (gtk_toggle_button_get_active (GTK_TOGGLE_BUTTON (kiosk_find_named (kiosk.window, "pc-0"))));
  click_named (kiosk.window, pc_button);
  click_named (kiosk.window, "save");
  kiosk_wait_for (kiosk.window, kiosk_label_prefix_shown, "LC-0006: ", "the item's page again");
  kiosk_wait_for (kiosk.window, label_prefix_gone, "Details of LC-0006, ", "the form gone");
  linked = listed_item ("LC-0006");
  g_assert_cmpint (json_object_get_int_member (json_object_get_object_member (linked, "pc"), "id"), ==, pc_id);
  kiosk_close (&kiosk);
}

/* An asset tag already in use: refused in plain words, the form kept as
 * typed, nothing added. */
static void
test_duplicate_tag (void)
{
  Kiosk kiosk = { 0 };
  g_autoptr(JsonObject) before = listed_item ("LC-0206");
  g_autoptr(JsonObject) after = NULL;
  guint size = inventory_size ();

  open_equipment (&kiosk);
  click_named (kiosk.window, "add-item");
  kiosk_wait_for_label (kiosk.window, "Add an item to the inventory");
  type_into (kiosk.window, "asset-tag", "LC-0206");
  click_named (kiosk.window, "kind-chair");
  type_into (kiosk.window, "location", "Store room");
  click_named (kiosk.window, "save");
  kiosk_wait_for_label (kiosk.window,
                        "Another item has that asset tag already. Check the label, or find that item in the list.");
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (kiosk_find_named (kiosk.window, "asset-tag"))), ==, "LC-0206");
  g_assert_cmpuint (inventory_size (), ==, size);
  after = listed_item ("LC-0206");
  g_assert_cmpstr (json_object_get_string_member (after, "location"), ==,
                   json_object_get_string_member (before, "location"));
  g_assert_cmpstr (json_object_get_string_member (after, "kind"), ==, json_object_get_string_member (before, "kind"));

  /* Back to the list, nothing added. */
  kiosk_press (kiosk.window, "Back");
  g_assert_nonnull (kiosk_find_named (kiosk.window, "item-LC-0206"));
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

  g_test_add_func ("/kiosk/equipment-edit/add-item", test_add_item);
  g_test_add_func ("/kiosk/equipment-edit/edit-location", test_edit_location);
  g_test_add_func ("/kiosk/equipment-edit/edit-pc", test_edit_pc);
  g_test_add_func ("/kiosk/equipment-edit/back-while-pcs-load", test_back_while_pcs_load);
  g_test_add_func ("/kiosk/equipment-edit/duplicate-tag", test_duplicate_tag);

  status = g_test_run ();
  kiosk_api_shutdown ();
  g_clear_pointer (&centre, lh_test_daemon_stop);
  return status;
}
