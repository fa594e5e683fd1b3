/* nb-undo-stack.c — undo and redo of every change to a report
 *
 * The stack keeps a shadow copy of the report and listens to its
 * signals, so that every change is recorded, whoever makes it.  Changes
 * between nb_undo_stack_begin() and nb_undo_stack_end() form one step
 * (a typed value and the totals it moves; a paste); changes made outside
 * such a bracket join the step that is still open until the main loop
 * runs again or nb_undo_stack_close_step() is called.  Successive edits
 * of one text within a short time form one step.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-undo-stack"

#include "config.h"

#include "nb-undo-stack.h"

/* Text edits this close together (µs) are undone together. */
#define TEXT_MERGE_USEC (1500 * G_TIME_SPAN_MILLISECOND)

typedef struct {
  gint64  number;
  guint8  state;
  guint8  overridden;
  char   *marker;
  char   *note;
  char   *unit;
  char   *entry;
} CellSnap;

typedef enum {
  CHANGE_CELL,
  CHANGE_TEXT,
  CHANGE_ORGAN,
  CHANGE_YEAR,
  CHANGE_TITLE,
  CHANGE_DATE,
  CHANGE_ACKNOWLEDGED,
} ChangeKind;

typedef struct {
  ChangeKind kind;
  guint      table;    /* CHANGE_CELL: index in the report */
  guint      row;      /* CHANGE_CELL: row; CHANGE_TEXT: the section */
  guint      column;
  CellSnap   cell_before, cell_after;
  char      *before, *after;
  int        year_before, year_after;
  GPtrArray *acks_before, *acks_after;   /* CHANGE_ACKNOWLEDGED: whole lists */
} Change;

typedef struct {
  char      *label;
  GPtrArray *changes;       /* of Change */
  int        text_section;  /* >= 0: a step of text edits of that section only */
  gint64     time;          /* monotonic time of its last change */
} Step;

struct _NbUndoStack
{
  GObject    parent_instance;

  NbReport  *report;
  GPtrArray *shadow;        /* per table: CellSnap[n_rows * n_columns] */
  char      *texts[NB_N_TEXT_SECTIONS];
  char      *organ, *title, *date;
  int        year;
  GPtrArray *acks;          /* a copy of the report's acknowledgements */

  GPtrArray *steps;         /* of Step */
  guint      position;      /* steps before it are done, after it undone */
  int        clean;         /* the position that matches the file, or -1 */
  Step      *open;          /* the step recording changes, or NULL */
  guint      depth;         /* of begin/end brackets */
  char      *pending_label;
  guint      close_source;
  gboolean   applying;

  gboolean   can_undo, can_redo, modified;
};

G_DEFINE_FINAL_TYPE (NbUndoStack, nb_undo_stack, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REPORT,
  PROP_CAN_UNDO,
  PROP_CAN_REDO,
  PROP_MODIFIED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
snap_clear (CellSnap *snap)
{
  g_clear_pointer (&snap->marker, g_free);
  g_clear_pointer (&snap->note, g_free);
  g_clear_pointer (&snap->unit, g_free);
  g_clear_pointer (&snap->entry, g_free);
}

static void
snap_copy (CellSnap       *to,
           const CellSnap *from)
{
  snap_clear (to);
  *to = *from;
  to->marker = g_strdup (from->marker);
  to->note = g_strdup (from->note);
  to->unit = g_strdup (from->unit);
  to->entry = g_strdup (from->entry);
}

static void
snap_take (CellSnap *snap,
           NbTable  *table,
           guint     row,
           guint     column)
{
  snap_clear (snap);
  snap->state = nb_table_get_state (table, row, column);
  snap->number = nb_table_get_number (table, row, column);
  snap->overridden = nb_table_is_overridden (table, row, column);
  snap->marker = g_strdup (nb_table_get_marker (table, row, column));
  snap->note = g_strdup (nb_table_get_note (table, row, column));
  snap->unit = g_strdup (nb_table_get_unit (table, row, column));
  snap->entry = g_strdup (nb_table_get_entry (table, row, column));
}

static void
snap_apply (const CellSnap *snap,
            NbTable        *table,
            guint           row,
            guint           column)
{
  if (snap->overridden || !nb_table_is_total (table, row, column))
    {
      switch ((NbCellState) snap->state)
        {
        case NB_CELL_NUMBER:
          nb_table_set_number (table, row, column, snap->number, NULL);
          break;
        case NB_CELL_MARKER:
          nb_table_set_marker (table, row, column, snap->marker);
          break;
        case NB_CELL_EMPTY:
        default:
          nb_table_clear (table, row, column);
          break;
        }
    }
  else
    nb_table_restore_total (table, row, column);
  nb_table_set_note (table, row, column, snap->note);
  nb_table_set_unit (table, row, column, snap->unit);
  nb_table_set_entry (table, row, column, snap->entry);
}

static void
change_free (gpointer data)
{
  Change *change = data;

  snap_clear (&change->cell_before);
  snap_clear (&change->cell_after);
  g_free (change->before);
  g_free (change->after);
  g_clear_pointer (&change->acks_before, g_ptr_array_unref);
  g_clear_pointer (&change->acks_after, g_ptr_array_unref);
  g_free (change);
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_free (step->label);
  g_ptr_array_unref (step->changes);
  g_free (step);
}

static CellSnap *
shadow_cell (NbUndoStack *self,
             guint        table,
             guint        row,
             guint        column)
{
  NbTable *t = nb_report_get_table_at (self->report, table);
  CellSnap *cells = g_ptr_array_index (self->shadow, table);

  return &cells[row * nb_table_get_def (t)->n_columns + column];
}

static const char *
custom_title (NbReport *report)
{
  return nb_report_has_custom_title (report) ? nb_report_get_title (report) : NULL;
}

static void
update_state (NbUndoStack *self)
{
  gboolean can_undo = self->position > 0;
  gboolean can_redo = self->position < self->steps->len;
  gboolean modified = self->clean != (int) self->position;

  if (can_undo != self->can_undo)
    {
      self->can_undo = can_undo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_UNDO]);
    }
  if (can_redo != self->can_redo)
    {
      self->can_redo = can_redo;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CAN_REDO]);
    }
  if (modified != self->modified)
    {
      self->modified = modified;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MODIFIED]);
    }
}

static gboolean
close_idle_cb (gpointer data)
{
  NbUndoStack *self = data;

  self->close_source = 0;
  if (self->depth == 0)
    self->open = NULL;
  return G_SOURCE_REMOVE;
}

/* The step a new change goes into, made if needed. */
static Step *
step_for_change (NbUndoStack *self,
                 int          text_section)
{
  Step *last = self->position > 0 ? g_ptr_array_index (self->steps, self->position - 1) : NULL;
  gint64 now = g_get_monotonic_time ();
  Step *step;

  if (self->open != NULL)
    {
      if (self->open->text_section != text_section)
        self->open->text_section = -1;
      self->open->time = now;
      return self->open;
    }

  /* Typing in a text: join the last step if it edits the same text,
   * is recent and is not the saved state. */
  if (text_section >= 0 && last != NULL && self->position == self->steps->len &&
      last->text_section == text_section && now - last->time < TEXT_MERGE_USEC &&
      self->clean != (int) self->position)
    {
      last->time = now;
      return last;
    }

  /* A new step drops whatever could have been redone. */
  if (self->position < self->steps->len)
    {
      if (self->clean > (int) self->position)
        self->clean = -1;
      g_ptr_array_set_size (self->steps, self->position);
    }

  step = g_new0 (Step, 1);
  step->label = g_strdup (self->pending_label);
  step->changes = g_ptr_array_new_with_free_func (change_free);
  step->text_section = text_section;
  step->time = now;
  g_ptr_array_add (self->steps, step);
  self->position = self->steps->len;
  self->open = step;

  if (self->depth == 0 && self->close_source == 0)
    self->close_source = g_idle_add (close_idle_cb, self);

  return step;
}

static Change *
find_change (Step       *step,
             ChangeKind  kind,
             guint       table,
             guint       row,
             guint       column)
{
  for (guint i = 0; i < step->changes->len; i++)
    {
      Change *change = g_ptr_array_index (step->changes, i);
      if (change->kind == kind && change->table == table && change->row == row &&
          change->column == column)
        return change;
    }
  return NULL;
}

static Change *
record (NbUndoStack *self,
        ChangeKind   kind,
        guint        table,
        guint        row,
        guint        column,
        gboolean    *is_new)
{
  /* Typing in a text or a field: successive changes merge. */
  int merge_key = kind == CHANGE_TEXT ? (int) row
                : kind == CHANGE_ORGAN || kind == CHANGE_TITLE || kind == CHANGE_DATE
                ? NB_N_TEXT_SECTIONS + (int) kind : -1;
  Step *step = step_for_change (self, merge_key);
  Change *change = find_change (step, kind, table, row, column);

  *is_new = change == NULL;
  if (change == NULL)
    {
      change = g_new0 (Change, 1);
      change->kind = kind;
      change->table = table;
      change->row = row;
      change->column = column;
      g_ptr_array_add (step->changes, change);
    }
  return change;
}

static guint
table_index (NbUndoStack *self,
             NbTable     *table)
{
  guint n = nb_report_get_n_tables (self->report);

  for (guint i = 0; i < n; i++)
    if (nb_report_get_table_at (self->report, i) == table)
      return i;
  g_return_val_if_reached (0);
}

static void
report_cell_changed_cb (NbReport    *report,
                        NbTable     *table,
                        guint        row,
                        guint        column,
                        NbUndoStack *self)
{
  guint index = table_index (self, table);
  CellSnap *shadow = shadow_cell (self, index, row, column);

  if (!self->applying)
    {
      gboolean is_new;
      Change *change = record (self, CHANGE_CELL, index, row, column, &is_new);

      if (is_new)
        snap_copy (&change->cell_before, shadow);
      snap_take (&change->cell_after, table, row, column);
    }
  snap_take (shadow, table, row, column);
  update_state (self);
}

static void
record_string (NbUndoStack  *self,
               ChangeKind    kind,
               guint         section,
               char        **shadow,
               const char   *value)
{
  if (g_strcmp0 (*shadow, value) == 0)
    return;
  if (!self->applying)
    {
      gboolean is_new;
      Change *change = record (self, kind, 0, section, 0, &is_new);

      if (is_new)
        change->before = g_strdup (*shadow);
      g_free (change->after);
      change->after = g_strdup (value);
    }
  g_free (*shadow);
  *shadow = g_strdup (value);
  update_state (self);
}

static void
report_text_changed_cb (NbReport    *report,
                        guint        section,
                        NbUndoStack *self)
{
  record_string (self, CHANGE_TEXT, section, &self->texts[section],
                 nb_report_get_text (report, section));
}

static void
report_notify_cb (NbReport    *report,
                  GParamSpec  *pspec,
                  NbUndoStack *self)
{
  const char *name = g_param_spec_get_name (pspec);

  if (g_str_equal (name, "organ"))
    record_string (self, CHANGE_ORGAN, 0, &self->organ, nb_report_get_organ (report));
  else if (g_str_equal (name, "date"))
    record_string (self, CHANGE_DATE, 0, &self->date, nb_report_get_date (report));
  else if (g_str_equal (name, "title"))
    record_string (self, CHANGE_TITLE, 0, &self->title, custom_title (report));
  else if (g_str_equal (name, "year") && nb_report_get_year (report) != self->year)
    {
      if (!self->applying)
        {
          gboolean is_new;
          Change *change = record (self, CHANGE_YEAR, 0, 0, 0, &is_new);

          if (is_new)
            change->year_before = self->year;
          change->year_after = nb_report_get_year (report);
        }
      self->year = nb_report_get_year (report);
      update_state (self);
    }
}

static GPtrArray *
copy_acks (GPtrArray *acks)
{
  GPtrArray *copy = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_acknowledgement_free);

  for (guint i = 0; i < acks->len; i++)
    g_ptr_array_add (copy, nb_acknowledgement_copy (g_ptr_array_index (acks, i)));
  return copy;
}

/* Acknowledging a warning (已核实) or withdrawing it is a step of its own;
 * the lists are short, so each change keeps them whole. */
static void
report_acknowledgements_changed_cb (NbReport    *report,
                                    NbUndoStack *self)
{
  GPtrArray *now = nb_report_get_acknowledgements (report);

  if (!self->applying)
    {
      gboolean is_new;
      Change *change = record (self, CHANGE_ACKNOWLEDGED, 0, 0, 0, &is_new);

      if (is_new)
        change->acks_before = g_ptr_array_ref (self->acks);
      g_clear_pointer (&change->acks_after, g_ptr_array_unref);
      change->acks_after = copy_acks (now);
    }
  g_ptr_array_unref (self->acks);
  self->acks = copy_acks (now);
  update_state (self);
}

static void
apply_change (NbUndoStack  *self,
              const Change *change,
              gboolean      undo)
{
  switch (change->kind)
    {
    case CHANGE_CELL:
      snap_apply (undo ? &change->cell_before : &change->cell_after,
                  nb_report_get_table_at (self->report, change->table),
                  change->row, change->column);
      break;
    case CHANGE_TEXT:
      nb_report_set_text (self->report, change->row, undo ? change->before : change->after);
      break;
    case CHANGE_ORGAN:
      nb_report_set_organ (self->report, undo ? change->before : change->after);
      break;
    case CHANGE_TITLE:
      nb_report_set_title (self->report, undo ? change->before : change->after);
      break;
    case CHANGE_DATE:
      nb_report_set_date (self->report, undo ? change->before : change->after);
      break;
    case CHANGE_YEAR:
      nb_report_set_year (self->report, undo ? change->year_before : change->year_after);
      break;
    case CHANGE_ACKNOWLEDGED:
      nb_report_set_acknowledgements (self->report,
                                      undo ? change->acks_before : change->acks_after);
      break;
    default:
      g_assert_not_reached ();
    }
}

static void
take_shadow (NbUndoStack *self)
{
  guint n = nb_report_get_n_tables (self->report);

  self->shadow = g_ptr_array_new_with_free_func (g_free);
  for (guint t = 0; t < n; t++)
    {
      NbTable *table = nb_report_get_table_at (self->report, t);
      const NbTableDef *def = nb_table_get_def (table);
      CellSnap *cells = g_new0 (CellSnap, def->n_rows * def->n_columns);

      for (guint r = 0; r < def->n_rows; r++)
        for (guint c = 0; c < def->n_columns; c++)
          snap_take (&cells[r * def->n_columns + c], table, r, c);
      g_ptr_array_add (self->shadow, cells);
    }
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    self->texts[i] = g_strdup (nb_report_get_text (self->report, i));
  self->organ = g_strdup (nb_report_get_organ (self->report));
  self->date = g_strdup (nb_report_get_date (self->report));
  self->title = g_strdup (custom_title (self->report));
  self->year = nb_report_get_year (self->report);
  self->acks = copy_acks (nb_report_get_acknowledgements (self->report));
}

static void
free_shadow (NbUndoStack *self)
{
  if (self->shadow == NULL)
    return;
  for (guint t = 0; t < self->shadow->len; t++)
    {
      const NbTableDef *def = nb_table_get_def (nb_report_get_table_at (self->report, t));
      CellSnap *cells = g_ptr_array_index (self->shadow, t);

      for (guint i = 0; i < def->n_rows * def->n_columns; i++)
        snap_clear (&cells[i]);
    }
  g_clear_pointer (&self->shadow, g_ptr_array_unref);
}

static void
nb_undo_stack_constructed (GObject *object)
{
  NbUndoStack *self = (NbUndoStack *) object;

  G_OBJECT_CLASS (nb_undo_stack_parent_class)->constructed (object);

  take_shadow (self);
  g_signal_connect_object (self->report, "cell-changed",
                           G_CALLBACK (report_cell_changed_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->report, "text-changed",
                           G_CALLBACK (report_text_changed_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->report, "notify",
                           G_CALLBACK (report_notify_cb), self, G_CONNECT_DEFAULT);
  g_signal_connect_object (self->report, "acknowledgements-changed",
                           G_CALLBACK (report_acknowledgements_changed_cb), self,
                           G_CONNECT_DEFAULT);
}

static void
nb_undo_stack_dispose (GObject *object)
{
  NbUndoStack *self = (NbUndoStack *) object;

  g_clear_handle_id (&self->close_source, g_source_remove);
  if (self->report != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->report, self);
      free_shadow (self);
    }
  g_clear_object (&self->report);

  G_OBJECT_CLASS (nb_undo_stack_parent_class)->dispose (object);
}

static void
nb_undo_stack_finalize (GObject *object)
{
  NbUndoStack *self = (NbUndoStack *) object;

  g_ptr_array_unref (self->steps);
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    g_free (self->texts[i]);
  g_free (self->organ);
  g_free (self->title);
  g_free (self->date);
  g_free (self->pending_label);
  g_clear_pointer (&self->acks, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_undo_stack_parent_class)->finalize (object);
}

static void
nb_undo_stack_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  NbUndoStack *self = NB_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      g_value_set_object (value, self->report);
      break;
    case PROP_CAN_UNDO:
      g_value_set_boolean (value, self->can_undo);
      break;
    case PROP_CAN_REDO:
      g_value_set_boolean (value, self->can_redo);
      break;
    case PROP_MODIFIED:
      g_value_set_boolean (value, self->modified);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_undo_stack_set_property (GObject      *object,
                            guint         prop_id,
                            const GValue *value,
                            GParamSpec   *pspec)
{
  NbUndoStack *self = NB_UNDO_STACK (object);

  switch (prop_id)
    {
    case PROP_REPORT:
      self->report = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_undo_stack_class_init (NbUndoStackClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_undo_stack_constructed;
  object_class->dispose = nb_undo_stack_dispose;
  object_class->finalize = nb_undo_stack_finalize;
  object_class->get_property = nb_undo_stack_get_property;
  object_class->set_property = nb_undo_stack_set_property;

  properties[PROP_REPORT] =
    g_param_spec_object ("report", NULL, NULL, NB_TYPE_REPORT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_UNDO] =
    g_param_spec_boolean ("can-undo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  properties[PROP_CAN_REDO] =
    g_param_spec_boolean ("can-redo", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  /**
   * NbUndoStack:modified:
   * Whether the report differs from the state last marked clean (saved).
   */
  properties[PROP_MODIFIED] =
    g_param_spec_boolean ("modified", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
nb_undo_stack_init (NbUndoStack *self)
{
  self->steps = g_ptr_array_new_with_free_func (step_free);
}

/**
 * nb_undo_stack_new:
 * Returns: (transfer full): a stack recording every later change to
 *   @report; the report as it is now is the clean state
 */
NbUndoStack *
nb_undo_stack_new (NbReport *report)
{
  g_return_val_if_fail (NB_IS_REPORT (report), NULL);
  return g_object_new (NB_TYPE_UNDO_STACK, "report", report, NULL);
}

NbReport *
nb_undo_stack_get_report (NbUndoStack *self)
{
  g_return_val_if_fail (NB_IS_UNDO_STACK (self), NULL);
  return self->report;
}

/**
 * nb_undo_stack_close_step:
 * The next change starts a new step.
 */
void
nb_undo_stack_close_step (NbUndoStack *self)
{
  g_return_if_fail (NB_IS_UNDO_STACK (self));

  if (self->depth == 0)
    self->open = NULL;
  g_clear_handle_id (&self->close_source, g_source_remove);
}

/**
 * nb_undo_stack_begin:
 * @label: (nullable): what the step does, for a menu
 *
 * Every change until the matching nb_undo_stack_end() is one step.
 * Brackets nest.
 */
void
nb_undo_stack_begin (NbUndoStack *self,
                     const char  *label)
{
  g_return_if_fail (NB_IS_UNDO_STACK (self));

  if (self->depth++ == 0)
    {
      nb_undo_stack_close_step (self);
      g_free (self->pending_label);
      self->pending_label = g_strdup (label);
    }
}

void
nb_undo_stack_end (NbUndoStack *self)
{
  g_return_if_fail (NB_IS_UNDO_STACK (self));
  g_return_if_fail (self->depth > 0);

  if (--self->depth == 0)
    {
      self->open = NULL;
      g_clear_pointer (&self->pending_label, g_free);
    }
}

gboolean
nb_undo_stack_can_undo (NbUndoStack *self)
{
  g_return_val_if_fail (NB_IS_UNDO_STACK (self), FALSE);
  return self->position > 0;
}

gboolean
nb_undo_stack_can_redo (NbUndoStack *self)
{
  g_return_val_if_fail (NB_IS_UNDO_STACK (self), FALSE);
  return self->position < self->steps->len;
}

/**
 * nb_undo_stack_undo:
 * Returns: %FALSE when there was nothing to undo
 */
gboolean
nb_undo_stack_undo (NbUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (NB_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  nb_undo_stack_close_step (self);
  if (self->position == 0)
    return FALSE;

  step = g_ptr_array_index (self->steps, self->position - 1);
  step->text_section = -1;   /* never merge into an undone step */
  self->applying = TRUE;
  for (guint i = step->changes->len; i > 0; i--)
    apply_change (self, g_ptr_array_index (step->changes, i - 1), TRUE);
  self->applying = FALSE;
  self->position--;
  update_state (self);
  return TRUE;
}

/**
 * nb_undo_stack_redo:
 * Returns: %FALSE when there was nothing to redo
 */
gboolean
nb_undo_stack_redo (NbUndoStack *self)
{
  Step *step;

  g_return_val_if_fail (NB_IS_UNDO_STACK (self), FALSE);
  g_return_val_if_fail (self->depth == 0, FALSE);

  nb_undo_stack_close_step (self);
  if (self->position >= self->steps->len)
    return FALSE;

  step = g_ptr_array_index (self->steps, self->position);
  self->applying = TRUE;
  for (guint i = 0; i < step->changes->len; i++)
    apply_change (self, g_ptr_array_index (step->changes, i), FALSE);
  self->applying = FALSE;
  self->position++;
  update_state (self);
  return TRUE;
}

gboolean
nb_undo_stack_get_modified (NbUndoStack *self)
{
  g_return_val_if_fail (NB_IS_UNDO_STACK (self), FALSE);
  return self->modified;
}

/**
 * nb_undo_stack_set_clean:
 * Marks the report as it is now as saved.
 */
void
nb_undo_stack_set_clean (NbUndoStack *self)
{
  g_return_if_fail (NB_IS_UNDO_STACK (self));

  nb_undo_stack_close_step (self);
  self->clean = (int) self->position;
  update_state (self);
}

/**
 * nb_undo_stack_forget:
 * Drops every step, done or undone: what was before can no longer be
 * undone (a report finalized, 定稿, is not undone into a draft).  The
 * report stays as it is, saved or not.
 */
void
nb_undo_stack_forget (NbUndoStack *self)
{
  g_return_if_fail (NB_IS_UNDO_STACK (self));

  nb_undo_stack_close_step (self);
  self->clean = self->clean == (int) self->position ? 0 : -1;
  g_ptr_array_set_size (self->steps, 0);
  self->position = 0;
  update_state (self);
}

guint
nb_undo_stack_get_n_steps (NbUndoStack *self)
{
  g_return_val_if_fail (NB_IS_UNDO_STACK (self), 0);
  return self->position;
}
