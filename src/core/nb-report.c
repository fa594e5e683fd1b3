/* nb-report.c — a government information disclosure annual report
 *
 * The report owns its tables (one per table of its edition) and its
 * texts.  It is the single source of truth: views and the checker listen
 * to its signals, which say exactly what changed.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-report"

#include "config.h"

#include "nb-marshal.h"

#include "nb-enums.h"
#include "nb-report.h"

struct _NbReport
{
  GObject    parent_instance;

  NbEdition  edition;
  char      *organ;
  int        year;
  char      *custom_title;
  char      *derived_title;
  char      *date;
  char      *texts[NB_N_TEXT_SECTIONS];
  GPtrArray *tables;

  /* The signature block (see NbSignatureLine) */
  gboolean   signature_hidden[NB_N_SIGNATURE_LINES];
  char      *signature_labels[NB_N_SIGNATURE_LINES];   /* NULL: the default wording */
  char      *signature_values[NB_N_SIGNATURE_LINES];

  NbPreviousLink *previous_link;   /* last year's report, or NULL */
  GPtrArray      *units;           /* of NbReportUnit: a summary's units, or NULL */
  GPtrArray      *versions;        /* of NbReportVersion: finalized versions, oldest first */
  gboolean        finalized;       /* the last version is the report as it is (定稿) */
  GPtrArray      *acks;            /* of NbAcknowledgement: warnings marked 已核实 */
};

G_DEFINE_FINAL_TYPE (NbReport, nb_report, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_EDITION,
  PROP_ORGAN,
  PROP_YEAR,
  PROP_TITLE,
  PROP_DATE,
  PROP_PREVIOUS_LINK,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum {
  CELL_CHANGED,
  TABLE_CHANGED,
  TEXT_CHANGED,
  SIGNATURE_CHANGED,
  ACKNOWLEDGEMENTS_CHANGED,
  CHANGED,
  N_SIGNALS
};

/* The signature block is this project's layout (print-layout.md), not
 * part of the official form; its default wording is defined here once. */
static const struct {
  const char *key;
  const char *label;
} signature_lines[NB_N_SIGNATURE_LINES] = {
  [NB_SIGNATURE_HEAD] = { "head", "单位负责人（签字）：" },
  [NB_SIGNATURE_REVIEWER] = { "reviewer", "审核人：" },
  [NB_SIGNATURE_PREPARER] = { "preparer", "填报人：" },
  [NB_SIGNATURE_PHONE] = { "phone", "联系电话：" },
  [NB_SIGNATURE_SEAL] = { "seal", "（单位盖章）" },
};

static guint signals[N_SIGNALS];

static void
emit_changed (NbReport *self)
{
  g_signal_emit (self, signals[CHANGED], 0);
}

static void
table_cell_changed_cb (NbTable  *table,
                       guint     row,
                       guint     column,
                       NbReport *self)
{
  g_signal_emit (self, signals[CELL_CHANGED], 0, table, row, column);
}

static void
table_changed_cb (NbTable  *table,
                  NbReport *self)
{
  g_signal_emit (self, signals[TABLE_CHANGED], 0, table);
  emit_changed (self);
}

/**
 * nb_report_derive_title:
 * Returns: (transfer full): the customary title, organ first:
 *   〈机关〉〈年〉年政府信息公开工作年度报告
 */
char *
nb_report_derive_title (const char *organ,
                        int         year)
{
  GString *title = g_string_new (organ != NULL ? organ : "");

  if (year > 0)
    g_string_append_printf (title, "%d年", year);
  g_string_append (title, "政府信息公开工作年度报告");
  return g_string_free (title, FALSE);
}

static void
update_derived_title (NbReport *self)
{
  g_free (self->derived_title);
  self->derived_title = nb_report_derive_title (self->organ, self->year);
  if (self->custom_title == NULL)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
}

/* Returns TRUE when *field changed. */
static gboolean
replace_string (char       **field,
                const char  *value)
{
  if (g_strcmp0 (*field, value) == 0)
    return FALSE;
  g_free (*field);
  *field = g_strdup (value);
  return TRUE;
}

static void
nb_report_constructed (GObject *object)
{
  NbReport *self = (NbReport *) object;
  const NbEditionDef *def = nb_edition_get (self->edition);

  G_OBJECT_CLASS (nb_report_parent_class)->constructed (object);

  self->tables = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < def->n_tables; i++)
    {
      NbTable *table = nb_table_new (&def->tables[i]);

      g_signal_connect_object (table, "cell-changed",
                               G_CALLBACK (table_cell_changed_cb), self, G_CONNECT_DEFAULT);
      g_signal_connect_object (table, "changed",
                               G_CALLBACK (table_changed_cb), self, G_CONNECT_DEFAULT);
      g_ptr_array_add (self->tables, table);
    }
  self->derived_title = nb_report_derive_title (NULL, 0);
}

static void
nb_report_finalize (GObject *object)
{
  NbReport *self = (NbReport *) object;

  g_free (self->organ);
  g_free (self->custom_title);
  g_free (self->derived_title);
  g_free (self->date);
  for (guint i = 0; i < NB_N_TEXT_SECTIONS; i++)
    g_free (self->texts[i]);
  for (guint i = 0; i < NB_N_SIGNATURE_LINES; i++)
    {
      g_free (self->signature_labels[i]);
      g_free (self->signature_values[i]);
    }
  g_clear_pointer (&self->tables, g_ptr_array_unref);
  g_clear_object (&self->previous_link);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_clear_pointer (&self->versions, g_ptr_array_unref);
  g_clear_pointer (&self->acks, g_ptr_array_unref);

  G_OBJECT_CLASS (nb_report_parent_class)->finalize (object);
}

static void
nb_report_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  NbReport *self = NB_REPORT (object);

  switch (prop_id)
    {
    case PROP_EDITION:
      g_value_set_enum (value, self->edition);
      break;
    case PROP_ORGAN:
      g_value_set_string (value, nb_report_get_organ (self));
      break;
    case PROP_YEAR:
      g_value_set_int (value, self->year);
      break;
    case PROP_TITLE:
      g_value_set_string (value, nb_report_get_title (self));
      break;
    case PROP_DATE:
      g_value_set_string (value, nb_report_get_date (self));
      break;
    case PROP_PREVIOUS_LINK:
      g_value_set_object (value, self->previous_link);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  NbReport *self = NB_REPORT (object);

  switch (prop_id)
    {
    case PROP_EDITION:
      self->edition = g_value_get_enum (value);
      break;
    case PROP_ORGAN:
      nb_report_set_organ (self, g_value_get_string (value));
      break;
    case PROP_YEAR:
      nb_report_set_year (self, g_value_get_int (value));
      break;
    case PROP_TITLE:
      nb_report_set_title (self, g_value_get_string (value));
      break;
    case PROP_DATE:
      nb_report_set_date (self, g_value_get_string (value));
      break;
    case PROP_PREVIOUS_LINK:
      nb_report_set_previous_link (self, g_value_get_object (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
nb_report_class_init (NbReportClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = nb_report_constructed;
  object_class->finalize = nb_report_finalize;
  object_class->get_property = nb_report_get_property;
  object_class->set_property = nb_report_set_property;

  properties[PROP_EDITION] =
    g_param_spec_enum ("edition", NULL, NULL,
                       NB_TYPE_EDITION, NB_EDITION_2021,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_ORGAN] =
    g_param_spec_string ("organ", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_YEAR] =
    g_param_spec_int ("year", NULL, NULL, 0, NB_YEAR_MAX, 0,
                      G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * NbReport:title:
   * The title as printed: derived from organ and year unless one was set.
   * Setting %NULL or "" goes back to the derived title.
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_DATE] =
    g_param_spec_string ("date", NULL, NULL, "",
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /**
   * NbReport:previous-link:
   * Last year's report as this report's file remembers it
   * (#NbPreviousLink), or %NULL.  Held as a plain object: the link is
   * built on reports (nb-previous-link.c), never the report on the link.
   */
  properties[PROP_PREVIOUS_LINK] =
    g_param_spec_object ("previous-link", NULL, NULL, G_TYPE_OBJECT,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * NbReport::cell-changed:
   * @table: the table
   * @row: the cell's row
   * @column: its column
   *
   * A cell of one of the report's tables changed (see NbTable::cell-changed).
   */
  signals[CELL_CHANGED] =
    g_signal_new ("cell-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, _nb_marshal_VOID__OBJECT_UINT_UINT,
                  G_TYPE_NONE, 3, NB_TYPE_TABLE, G_TYPE_UINT, G_TYPE_UINT);
  g_signal_set_va_marshaller (signals[CELL_CHANGED], G_TYPE_FROM_CLASS (klass),
                              _nb_marshal_VOID__OBJECT_UINT_UINTv);

  /**
   * NbReport::table-changed:
   * @table: the table
   *
   * An edit of @table is complete (see NbTable::changed).
   */
  signals[TABLE_CHANGED] =
    g_signal_new ("table-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__OBJECT,
                  G_TYPE_NONE, 1, NB_TYPE_TABLE);

  /**
   * NbReport::text-changed:
   * @section: the #NbTextSection whose text changed
   */
  signals[TEXT_CHANGED] =
    g_signal_new ("text-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__UINT,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * NbReport::signature-changed:
   * @line: the #NbSignatureLine whose visibility, wording or value changed
   */
  signals[SIGNATURE_CHANGED] =
    g_signal_new ("signature-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, G_TYPE_UINT);

  /**
   * NbReport::acknowledgements-changed:
   * The warnings marked 已核实 changed; emitted before ::changed.
   */
  signals[ACKNOWLEDGEMENTS_CHANGED] =
    g_signal_new ("acknowledgements-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__VOID,
                  G_TYPE_NONE, 0);

  /**
   * NbReport::changed:
   * Anything in the report changed: emitted after each more precise
   * signal or property notification.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, g_cclosure_marshal_VOID__VOID,
                  G_TYPE_NONE, 0);
}

static void
nb_report_init (NbReport *self)
{
  self->edition = NB_EDITION_2021;
}

/**
 * nb_report_new:
 * Returns: (transfer full): an empty report in the format of @edition
 */
NbReport *
nb_report_new (NbEdition edition)
{
  g_return_val_if_fail (edition < NB_N_EDITIONS, NULL);
  return g_object_new (NB_TYPE_REPORT, "edition", edition, NULL);
}

NbEdition
nb_report_get_edition (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NB_EDITION_2021);
  return self->edition;
}

const NbEditionDef *
nb_report_get_edition_def (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return nb_edition_get (self->edition);
}

const char *
nb_report_get_organ (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->organ != NULL ? self->organ : "";
}

void
nb_report_set_organ (NbReport   *self,
                     const char *organ)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (!replace_string (&self->organ, organ))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_ORGAN]);
  update_derived_title (self);
  emit_changed (self);
}

/**
 * nb_report_get_year:
 * Returns: the year the report covers, or 0 when not set
 */
int
nb_report_get_year (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->year;
}

void
nb_report_set_year (NbReport *self,
                    int       year)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (year >= 0 && year <= NB_YEAR_MAX);

  if (self->year == year)
    return;
  self->year = year;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_YEAR]);
  update_derived_title (self);
  emit_changed (self);
}

const char *
nb_report_get_title (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->custom_title != NULL ? self->custom_title : self->derived_title;
}

void
nb_report_set_title (NbReport   *self,
                     const char *title)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (title != NULL && *title == '\0')
    title = NULL;
  if (!replace_string (&self->custom_title, title))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_TITLE]);
  emit_changed (self);
}

/**
 * nb_report_has_custom_title:
 * Whether the title was set rather than derived from organ and year.
 */
gboolean
nb_report_has_custom_title (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  return self->custom_title != NULL;
}

/**
 * nb_report_get_date:
 * Returns: the date printed under the signature block (YYYY-MM-DD), or ""
 */
const char *
nb_report_get_date (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->date != NULL ? self->date : "";
}

void
nb_report_set_date (NbReport   *self,
                    const char *date)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (date != NULL && *date == '\0')
    date = NULL;
  if (!replace_string (&self->date, date))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
  emit_changed (self);
}

const char *
nb_report_get_text (NbReport      *self,
                    NbTextSection  section)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (section < NB_N_TEXT_SECTIONS, NULL);
  return self->texts[section] != NULL ? self->texts[section] : "";
}

void
nb_report_set_text (NbReport      *self,
                    NbTextSection  section,
                    const char    *text)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (section < NB_N_TEXT_SECTIONS);

  if (text != NULL && *text == '\0')
    text = NULL;
  if (!replace_string (&self->texts[section], text))
    return;
  g_signal_emit (self, signals[TEXT_CHANGED], 0, (guint) section);
  emit_changed (self);
}

guint
nb_report_get_n_tables (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), 0);
  return self->tables->len;
}

/**
 * nb_report_get_table_at:
 * Returns: (transfer none): the table at @index, in the edition's order
 */
NbTable *
nb_report_get_table_at (NbReport *self,
                        guint     index)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (index < self->tables->len, NULL);
  return g_ptr_array_index (self->tables, index);
}

/**
 * nb_report_get_table:
 * @key: a stable table key, such as `s3_requests`
 *
 * Returns: (transfer none) (nullable): the table, or %NULL when the
 *   report's edition has no such table
 */
NbTable *
nb_report_get_table (NbReport   *self,
                     const char *key)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);

  for (guint i = 0; i < self->tables->len; i++)
    {
      NbTable *table = g_ptr_array_index (self->tables, i);
      if (g_strcmp0 (nb_table_get_def (table)->key, key) == 0)
        return table;
    }
  return NULL;
}

/* ---- The signature block --------------------------------------------------- */

/**
 * nb_signature_line_key:
 * Returns: the stable key of @line in files: `head`, `reviewer`,
 *   `preparer`, `phone` or `seal`
 */
const char *
nb_signature_line_key (NbSignatureLine line)
{
  g_return_val_if_fail (line < NB_N_SIGNATURE_LINES, NULL);
  return signature_lines[line].key;
}

gboolean
nb_signature_line_from_key (const char      *key,
                            NbSignatureLine *line)
{
  for (guint i = 0; i < NB_N_SIGNATURE_LINES; i++)
    {
      if (g_strcmp0 (key, signature_lines[i].key) == 0)
        {
          *line = (NbSignatureLine) i;
          return TRUE;
        }
    }
  return FALSE;
}

/**
 * nb_signature_line_default_label:
 * Returns: the wording printed for @line unless the report sets another,
 *   such as `单位负责人（签字）：`
 */
const char *
nb_signature_line_default_label (NbSignatureLine line)
{
  g_return_val_if_fail (line < NB_N_SIGNATURE_LINES, NULL);
  return signature_lines[line].label;
}

static void
emit_signature_changed (NbReport        *self,
                        NbSignatureLine  line)
{
  g_signal_emit (self, signals[SIGNATURE_CHANGED], 0, (guint) line);
  emit_changed (self);
}

/**
 * nb_report_get_signature_shown:
 * Whether @line is printed in the signature block (all lines are, by
 * default).
 */
gboolean
nb_report_get_signature_shown (NbReport        *self,
                               NbSignatureLine  line)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (line < NB_N_SIGNATURE_LINES, FALSE);
  return !self->signature_hidden[line];
}

void
nb_report_set_signature_shown (NbReport        *self,
                               NbSignatureLine  line,
                               gboolean         shown)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (line < NB_N_SIGNATURE_LINES);

  if (self->signature_hidden[line] == !shown)
    return;
  self->signature_hidden[line] = !shown;
  emit_signature_changed (self, line);
}

/**
 * nb_report_get_signature_label:
 * Returns: the wording of @line: the one set, or the default
 *   (nb_signature_line_default_label())
 */
const char *
nb_report_get_signature_label (NbReport        *self,
                               NbSignatureLine  line)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (line < NB_N_SIGNATURE_LINES, NULL);
  return self->signature_labels[line] != NULL ? self->signature_labels[line]
                                              : signature_lines[line].label;
}

/**
 * nb_report_set_signature_label:
 * @label: (nullable): the wording of @line; %NULL or "" goes back to the
 *   default
 */
void
nb_report_set_signature_label (NbReport        *self,
                               NbSignatureLine  line,
                               const char      *label)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (line < NB_N_SIGNATURE_LINES);

  if (label != NULL && (*label == '\0' || g_strcmp0 (label, signature_lines[line].label) == 0))
    label = NULL;
  if (!replace_string (&self->signature_labels[line], label))
    return;
  emit_signature_changed (self, line);
}

/**
 * nb_report_has_custom_signature_label:
 * Whether the wording of @line was set rather than the default.
 */
gboolean
nb_report_has_custom_signature_label (NbReport        *self,
                                      NbSignatureLine  line)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  g_return_val_if_fail (line < NB_N_SIGNATURE_LINES, FALSE);
  return self->signature_labels[line] != NULL;
}

/**
 * nb_report_get_signature_value:
 * Returns: the text printed after the wording of @line in place of its
 *   blank (a name, a telephone number), or "" for a blank to fill in by
 *   hand.  The seal line has no value.
 */
const char *
nb_report_get_signature_value (NbReport        *self,
                               NbSignatureLine  line)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  g_return_val_if_fail (line < NB_N_SIGNATURE_LINES, NULL);
  return self->signature_values[line] != NULL ? self->signature_values[line] : "";
}

void
nb_report_set_signature_value (NbReport        *self,
                               NbSignatureLine  line,
                               const char      *value)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (line < NB_N_SIGNATURE_LINES);

  if (value != NULL && *value == '\0')
    value = NULL;
  if (!replace_string (&self->signature_values[line], value))
    return;
  emit_signature_changed (self, line);
}

/* ---- Last year's report and a summary's units ------------------------------ */

/**
 * nb_report_get_previous_link:
 * Returns: (transfer none) (nullable): the link to last year's report
 */
NbPreviousLink *
nb_report_get_previous_link (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->previous_link;
}

/**
 * nb_report_set_previous_link:
 * @link: (nullable): the link to last year's report; %NULL unlinks
 */
void
nb_report_set_previous_link (NbReport       *self,
                             NbPreviousLink *link)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (link == NULL || G_IS_OBJECT (link));

  if (!g_set_object (&self->previous_link, link))
    return;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_PREVIOUS_LINK]);
  emit_changed (self);
}

/**
 * nb_report_unit_new:
 * Returns: (transfer full): a unit entry (see #NbReportUnit)
 */
NbReportUnit *
nb_report_unit_new (const char *organ,
                    const char *file,
                    const char *fingerprint)
{
  NbReportUnit *unit = g_new0 (NbReportUnit, 1);

  unit->organ = g_strdup (organ != NULL ? organ : "");
  unit->file = g_strdup (file != NULL ? file : "");
  unit->fingerprint = g_strdup (fingerprint != NULL ? fingerprint : "");
  return unit;
}

void
nb_report_unit_free (NbReportUnit *unit)
{
  if (unit == NULL)
    return;
  g_free (unit->organ);
  g_free (unit->file);
  g_free (unit->fingerprint);
  g_free (unit);
}

/**
 * nb_report_get_units:
 * Returns: (transfer none) (nullable) (element-type NbReportUnit): the
 *   units a summary report adds up, in order; %NULL for a unit's own report
 */
GPtrArray *
nb_report_get_units (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  return self->units;
}

/**
 * nb_report_set_units:
 * @units: (nullable) (element-type NbReportUnit): the units, an array
 *   that frees its elements with nb_report_unit_free(); the report keeps
 *   a reference.  %NULL makes the report a unit's own again.
 */
void
nb_report_set_units (NbReport  *self,
                     GPtrArray *units)
{
  g_return_if_fail (NB_IS_REPORT (self));

  if (units == self->units)
    return;
  g_clear_pointer (&self->units, g_ptr_array_unref);
  if (units != NULL)
    self->units = g_ptr_array_ref (units);
  emit_changed (self);
}

/* ---- Finalized versions (定稿) ---------------------------------------------- */

/**
 * nb_report_version_new:
 * @content: (nullable) (transfer none): the report as finalized, without
 *   versions of its own
 * Returns: (transfer full): a version entry (see #NbReportVersion)
 */
NbReportVersion *
nb_report_version_new (const char *date,
                       const char *fingerprint,
                       NbReport   *content)
{
  NbReportVersion *version = g_new0 (NbReportVersion, 1);

  g_return_val_if_fail (content == NULL || NB_IS_REPORT (content), NULL);
  g_return_val_if_fail (content == NULL || content->versions == NULL || content->versions->len == 0,
                        NULL);

  version->date = g_strdup (date != NULL ? date : "");
  version->fingerprint = g_strdup (fingerprint != NULL ? fingerprint : "");
  version->content = content != NULL ? g_object_ref (content) : NULL;
  return version;
}

void
nb_report_version_free (NbReportVersion *version)
{
  if (version == NULL)
    return;
  g_free (version->date);
  g_free (version->fingerprint);
  g_clear_object (&version->content);
  g_free (version);
}

/**
 * nb_report_get_versions:
 * Returns: (transfer none) (element-type NbReportVersion): every version
 *   finalized so far, oldest first; empty for a report never finalized
 */
GPtrArray *
nb_report_get_versions (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  if (self->versions == NULL)
    self->versions = g_ptr_array_new_with_free_func ((GDestroyNotify) nb_report_version_free);
  return self->versions;
}

/**
 * nb_report_add_version:
 * @version: (transfer full): a version finalized now, appended to the
 *   history
 */
void
nb_report_add_version (NbReport        *self,
                       NbReportVersion *version)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (version != NULL);

  g_ptr_array_add (nb_report_get_versions (self), version);
  emit_changed (self);
}

/**
 * nb_report_get_finalized:
 * Whether the report is finalized (定稿): its last version is the report
 * as it stands, and changing it needs 解除定稿 first.
 */
gboolean
nb_report_get_finalized (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);
  return self->finalized;
}

/**
 * nb_report_set_finalized:
 * Marks the report finalized (after nb_report_add_version()) or not
 * (解除定稿: the history stays, the next finalizing adds a version).
 */
void
nb_report_set_finalized (NbReport *self,
                         gboolean  finalized)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (!finalized || nb_report_get_versions (self)->len > 0);

  if (self->finalized == !!finalized)
    return;
  self->finalized = !!finalized;
  emit_changed (self);
}

/**
 * nb_report_get_final_version:
 * Returns: (transfer none) (nullable): the version the report is frozen
 *   as, or %NULL when it is not finalized
 */
NbReportVersion *
nb_report_get_final_version (NbReport *self)
{
  GPtrArray *versions;

  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  versions = nb_report_get_versions (self);
  return self->finalized ? g_ptr_array_index (versions, versions->len - 1) : NULL;
}

/**
 * nb_report_find_cell:
 * @address: a cell address `table.row.column` (docs/editions.md)
 * @table: (out) (optional) (transfer none): the table it is in
 * @row: (out) (optional): its row
 * @column: (out) (optional): its column
 *
 * Returns: whether the report's edition has that cell
 */
gboolean
nb_report_find_cell (NbReport    *self,
                     const char  *address,
                     NbTable    **table,
                     guint       *row,
                     guint       *column)
{
  g_autofree char *table_key = NULL, *row_key = NULL, *column_key = NULL;
  NbTable *found;
  int r, c;

  g_return_val_if_fail (NB_IS_REPORT (self), FALSE);

  if (address == NULL || !nb_table_parse_address (address, &table_key, &row_key, &column_key))
    return FALSE;
  found = nb_report_get_table (self, table_key);
  if (found == NULL)
    return FALSE;
  r = nb_table_def_find_row (nb_table_get_def (found), row_key);
  c = nb_table_def_find_column (nb_table_get_def (found), column_key);
  if (r < 0 || c < 0)
    return FALSE;
  if (table != NULL)
    *table = found;
  if (row != NULL)
    *row = r;
  if (column != NULL)
    *column = c;
  return TRUE;
}

/* ---- Acknowledged warnings (已核实) ----------------------------------------- */

static GPtrArray *
new_ack_array (void)
{
  return g_ptr_array_new_with_free_func ((GDestroyNotify) nb_acknowledgement_free);
}

static void
emit_acknowledgements_changed (NbReport *self)
{
  g_signal_emit (self, signals[ACKNOWLEDGEMENTS_CHANGED], 0);
  emit_changed (self);
}

/**
 * nb_report_get_acknowledgements:
 * Returns: (transfer none) (element-type NbAcknowledgement): the warnings
 *   marked 已核实, in the order they were marked; the checker decides
 *   which still apply (nb_checker_get_acknowledgement())
 */
GPtrArray *
nb_report_get_acknowledgements (NbReport *self)
{
  g_return_val_if_fail (NB_IS_REPORT (self), NULL);
  if (self->acks == NULL)
    self->acks = new_ack_array ();
  return self->acks;
}

/**
 * nb_report_set_acknowledgements:
 * @acks: (element-type NbAcknowledgement) (nullable): copied
 *
 * Replaces every acknowledgement (undo and redo do this).
 */
void
nb_report_set_acknowledgements (NbReport  *self,
                                GPtrArray *acks)
{
  g_autoptr(GPtrArray) copy = new_ack_array ();

  g_return_if_fail (NB_IS_REPORT (self));

  for (guint i = 0; acks != NULL && i < acks->len; i++)
    g_ptr_array_add (copy, nb_acknowledgement_copy (g_ptr_array_index (acks, i)));
  g_clear_pointer (&self->acks, g_ptr_array_unref);
  self->acks = g_steal_pointer (&copy);
  emit_acknowledgements_changed (self);
}

/**
 * nb_report_add_acknowledgement:
 * @ack: (transfer full): appended
 */
void
nb_report_add_acknowledgement (NbReport          *self,
                               NbAcknowledgement *ack)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (ack != NULL);

  g_ptr_array_add (nb_report_get_acknowledgements (self), ack);
  emit_acknowledgements_changed (self);
}

void
nb_report_remove_acknowledgement (NbReport *self,
                                  guint     index)
{
  g_return_if_fail (NB_IS_REPORT (self));
  g_return_if_fail (index < nb_report_get_acknowledgements (self)->len);

  g_ptr_array_remove_index (self->acks, index);
  emit_acknowledgements_changed (self);
}
