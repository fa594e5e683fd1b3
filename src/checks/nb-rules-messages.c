/* nb-rules-messages.c — what the rules found, in words
 *
 * Each rule's stable id and severity, and the Chinese message of a
 * finding, which names rows and columns with the edition's own labels.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "nb-rules"

#include "config.h"

#include "nb-rules-private.h"
#include "nb-value.h"

static const struct {
  const char *id;
  NbSeverity  severity;
} rules[N_RULES] = {
  [RULE_R1_BALANCE] = { "R1", NB_SEVERITY_ERROR },
  [RULE_R2_ROW_TOTAL] = { "R2", NB_SEVERITY_ERROR },
  [RULE_R3_RESULT_TOTAL] = { "R3", NB_SEVERITY_ERROR },
  [RULE_R4_APPEAL_TOTAL] = { "R4", NB_SEVERITY_ERROR },
  [RULE_R5_BLANK] = { "R5", NB_SEVERITY_WARNING },
  [RULE_R6_PUBLISHED] = { "R6", NB_SEVERITY_WARNING },
  [RULE_R7_PROBLEMS] = { "R7", NB_SEVERITY_WARNING },
  [RULE_R8_FEES] = { "R8", NB_SEVERITY_WARNING },
  [RULE_N1_NOT_NUMBER] = { "N1", NB_SEVERITY_WARNING },
  [RULE_E1_ENTRY] = { "E1", NB_SEVERITY_ERROR },
  [RULE_C1_NOT_IMPORTED] = { "C1", NB_SEVERITY_INFO },
  [RULE_S1_OVERVIEW] = { "S1", NB_SEVERITY_ERROR },
  [RULE_S2_OTHER_MATTERS] = { "S2", NB_SEVERITY_WARNING },
  [RULE_M1_ORGAN] = { "M1", NB_SEVERITY_ERROR },
  [RULE_M2_YEAR] = { "M2", NB_SEVERITY_ERROR },
  [RULE_M3_TITLE] = { "M3", NB_SEVERITY_WARNING },
  [RULE_M4_EDITION] = { "M4", NB_SEVERITY_WARNING },
  [RULE_M5_PERIOD] = { "M5", NB_SEVERITY_WARNING },
  [RULE_X1_CARRY_OVER] = { "X1", NB_SEVERITY_ERROR },
  [RULE_X2_IN_FORCE] = { "X2", NB_SEVERITY_WARNING },
  [RULE_X2_NOT_COMPARABLE] = { "X2", NB_SEVERITY_INFO },
  [RULE_X7_JUMP] = { "X7", NB_SEVERITY_INFO },
  [RULE_X3_ITEMS] = { "X3", NB_SEVERITY_WARNING },
  [RULE_X4_REPEATED] = { "X4", NB_SEVERITY_WARNING },
  [RULE_X5_ORGAN] = { "X5", NB_SEVERITY_WARNING },
  [RULE_X6_YEAR] = { "X6", NB_SEVERITY_ERROR },
  [RULE_T1_TEXT_REQUESTS] = { "T1", NB_SEVERITY_WARNING },
  [RULE_T2_TEXT_APPEALS] = { "T2", NB_SEVERITY_WARNING },
  [RULE_M6_ORGAN] = { "M6", NB_SEVERITY_INFO },
};

static const char *const section_names[] = {
  "基本信息", "第一部分", "第二部分", "第三部分", "第四部分", "第五部分", "第六部分",
};

/* ---- Describing -------------------------------------------------------------- */

NbSeverity
nb_rules_severity (const NbRecord *record)
{
  return rules[record->rule].severity;
}

const char *
nb_rules_id (const NbRecord *record)
{
  return rules[record->rule].id;
}

guint
nb_rules_section (const NbRecord *record)
{
  return record->section;
}

/* ---- Messages ---------------------------------------------------------------- */

/* Quotes text without its line breaks (a PDF copy breaks lines anywhere). */
static void
append_quote (GString    *s,
              const char *from,
              const char *to)
{
  for (const char *p = from; p < to; p++)
    if (*p != '\n' && *p != '\r')
      g_string_append_c (s, *p);
}

/* A text the user wrote is quoted up to this many characters: a message
 * names the text, it does not print it again (a title of a million
 * characters made `nianbao check` print 3 MB). */
#define QUOTE_MAX_CHARS 100

/* “@text”, cut after QUOTE_MAX_CHARS characters with “…”. */
static void
append_quoted (GString    *s,
               const char *text)
{
  const char *end = text;

  for (guint n = 0; *end != '\0' && n < QUOTE_MAX_CHARS; n++)
    end = g_utf8_next_char (end);
  g_string_append (s, "“");
  append_quote (s, text, end);
  if (*end != '\0')
    g_string_append (s, "…");
  g_string_append (s, "”");
}

/* “…”: the sentence around @at, or in a long one about 30 characters
 * before @at and 40 after. */
static void
append_sentence (GString    *s,
                 const char *text,
                 guint       at)
{
  const char *start, *end;

  _nb_rules_sentence_bounds (text, at, &start, &end);
  g_string_append (s, "“");
  if (g_utf8_strlen (start, end - start) <= 80)
    append_quote (s, start, end);
  else
    {
      const char *from = text + at, *to = text + at;

      for (int i = 0; i < 30 && from > start; i++)
        from = g_utf8_prev_char (from);
      for (int i = 0; i < 40 && to < end; i++)
        to = g_utf8_next_char (to);
      if (from > start)
        g_string_append (s, "…");
      append_quote (s, from, to);
      if (to < end)
        g_string_append (s, "…");
    }
  g_string_append (s, "”");
}

static void
append_number (GString *s,
               gint64   number)
{
  nb_value_append (s, NB_CELL_KIND_SIGNED, number);
}

static void
add_cell (GPtrArray *cells,
          NbTable   *table,
          int        row,
          int        column)
{
  if (row >= 0 && column >= 0)
    g_ptr_array_add (cells, nb_table_cell_address (table, row, column));
}

/* 自然人列, 总计列, 法人或其他组织·商业企业列 */
static void
append_column (GString          *s,
               const NbTableDef *def,
               guint             column)
{
  g_string_append_printf (s, "%s %s列：", section_names[def->section],
                          def->columns[column].full_label);
}

static void
append_row (GString          *s,
            const NbTableDef *def,
            guint             row)
{
  g_autofree char *name = nb_table_def_row_name (def, row);

  g_string_append_printf (s, "%s ", section_names[def->section]);
  if (def->caption != NULL)
    g_string_append_printf (s, "%s ", def->caption);
  g_string_append_printf (s, "“%s”：", name);
}

/* Section 四 has one row without a label: a total is named by its block,
 * the groups of its column (行政诉讼·未经复议直接起诉). */
static void
append_block (GString          *s,
              const NbTableDef *def,
              guint             column)
{
  const char *full = def->columns[column].full_label;
  const char *last = g_strrstr (full, "·");

  g_string_append_printf (s, "%s ", section_names[def->section]);
  g_string_append_len (s, full, last != NULL ? last - full : (gssize) strlen (full));
  g_string_append (s, "：");
}

static gboolean
row_has_name (const NbTableDef *def,
              guint             row)
{
  return def->rows[row].label != NULL && *def->rows[row].label != '\0';
}

/* A cell: its row, then its column (第三部分 “（一）予以公开”：自然人), or in
 * section 四's unnamed row its column's groups (第四部分 行政复议·结果维持). */
static void
append_cell_place (GString          *s,
                   const NbTableDef *def,
                   guint             row,
                   guint             column)
{
  if (row_has_name (def, row))
    {
      append_row (s, def, row);
      g_string_append (s, def->columns[column].label);
    }
  else
    g_string_append_printf (s, "%s %s", section_names[def->section], def->columns[column].full_label);
}

static void
describe_total (GString          *s,
                GPtrArray        *cells,
                NbTable          *table,
                const NbRecord   *record)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint row = record->where / def->n_columns, column = record->where % def->n_columns;
  gboolean across = def->columns[column].n_parts > 0;
  guint n_parts = across ? def->columns[column].n_parts : def->rows[row].n_parts;
  g_autofree char *total_name = NULL;

  if (across && row_has_name (def, row))
    {
      append_row (s, def, row);
      total_name = g_strdup (def->columns[column].label);
    }
  else if (across)
    {
      append_block (s, def, column);
      total_name = g_strdup (def->columns[column].label);
    }
  else
    {
      append_column (s, def, column);
      total_name = nb_table_def_row_name (def, row);
    }

  if (record->n[2])
    g_string_append_printf (s, "%s 未填，", total_name);
  else
    {
      g_string_append_printf (s, "%s ", total_name);
      append_number (s, record->n[0]);
      g_string_append (s, " ≠ ");
    }

  add_cell (cells, table, row, column);
  for (guint i = 0; i < n_parts; i++)
    {
      guint part_row = across ? row : row - n_parts + i;
      guint part_column = across ? column - n_parts + i : column;
      g_autofree char *part_name = across ? g_strdup (def->columns[part_column].label)
                                          : nb_table_def_row_name (def, part_row);

      if (n_parts <= 6)
        {
          if (i > 0)
            g_string_append (s, " + ");
          g_string_append_printf (s, "%s ", part_name);
          append_number (s, nb_table_get_number (table, part_row, part_column));
        }
      add_cell (cells, table, part_row, part_column);
    }
  if (n_parts > 6)
    g_string_append_printf (s, "%s 至 %s 之和",
                            def->rows[row - n_parts].label, def->rows[row - 1].label);
  g_string_append (s, " = ");
  append_number (s, record->n[1]);
}

static void
describe_balance (GString        *s,
                  GPtrArray      *cells,
                  NbTable        *table,
                  const NbRecord *record)
{
  const NbTableDef *def = nb_table_get_def (table);
  static const char *const keys[] = { "new", "carried_over", "result_total", "carried_forward" };

  append_column (s, def, record->where);
  for (guint i = 0; i < 4; i++)
    {
      int row = nb_table_def_find_row (def, keys[i]);
      g_autofree char *name = nb_table_def_row_name (def, row);

      g_string_append (s, i == 0 ? "" : i == 2 ? " ≠ " : " + ");
      g_string_append_printf (s, "%s ", name);
      append_number (s, record->n[i]);
      add_cell (cells, table, row, record->where);
    }
}

static void
describe_blanks (GString        *s,
                 GPtrArray      *cells,
                 NbTable        *table,
                 const NbRecord *record)
{
  const NbTableDef *def = nb_table_get_def (table);

  g_string_append_printf (s, "%s有 %" G_GINT64_FORMAT " 个单元格未填数字（数量为零时应填 0）",
                          section_names[def->section], record->n[0]);
  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if (nb_table_get_state (table, r, c) != NB_CELL_NUMBER &&
          !nb_table_is_not_imported (table, r, c))
        add_cell (cells, table, r, c);
}

/* C1: the table by the report's own words (第三部分表格, 第二部分 第二十条第
 * （一）项), and the cells not imported, so that the finding leads to them. */
static void
describe_not_imported (GString        *s,
                       GPtrArray      *cells,
                       NbTable        *table,
                       const NbRecord *record)
{
  const NbTableDef *def = nb_table_get_def (table);

  g_string_append (s, section_names[def->section]);
  if (def->caption != NULL)
    g_string_append_printf (s, " %s", def->caption);
  else
    g_string_append (s, "表格");
  g_string_append_printf (s, "：无法核对，%" G_GINT64_FORMAT " 个单元格未能导入", record->n[0]);
  for (guint r = 0; r < def->n_rows; r++)
    for (guint c = 0; c < def->n_columns; c++)
      if (nb_table_is_not_imported (table, r, c))
        add_cell (cells, table, r, c);
}

/* entry_reason() states the number of decimals */
G_STATIC_ASSERT (NB_AMOUNT_DECIMALS == 6);

/* Why the entry cannot stand: Chinese like every finding, whatever the
 * interface language of nb_value_parse()'s message. */

static const char *
entry_reason (NbCellKind  kind,
              const char *entry)
{
  g_autoptr(GError) error = NULL;
  gint64 number;

  if (nb_value_parse (entry, kind, &number, &error))
    return "无法填入";
  switch ((NbValueError) error->code)
    {
    case NB_VALUE_ERROR_NEGATIVE: return "数量不能为负数";
    case NB_VALUE_ERROR_NOT_WHOLE: return "数量应为整数";
    case NB_VALUE_ERROR_TOO_PRECISE: return "金额最多保留 6 位小数";
    case NB_VALUE_ERROR_TOO_LARGE: return "数字过大";
    case NB_VALUE_ERROR_INVALID:
    default: return "不是数字";
    }
}

static void
describe_entry (GString   *s,
                GPtrArray *cells,
                NbTable   *table,
                guint      row,
                guint      column)
{
  const NbTableDef *def = nb_table_get_def (table);
  NbCellKind kind = def->columns[column].kind;
  const char *entry = nb_table_get_entry (table, row, column);

  append_cell_place (s, def, row, column);
  g_string_append (s, " 填写的");
  append_quoted (s, entry);
  g_string_append_printf (s, "（%s），", entry_reason (kind, entry));
  /* the value the cell keeps, which the totals add up */
  switch (nb_table_get_state (table, row, column))
    {
    case NB_CELL_NUMBER:
      {
        g_autofree char *number = nb_value_format (kind, nb_table_get_number (table, row, column));
        g_string_append_printf (s, "合计仍按原值 %s 计算", number);
      }
      break;
    case NB_CELL_MARKER:
      g_string_append (s, "合计仍按原填");
      append_quoted (s, nb_table_get_marker (table, row, column));
      g_string_append (s, "计算");
      break;
    case NB_CELL_EMPTY:
    default:
      g_string_append (s, "合计按未填计算");
      break;
    }
  add_cell (cells, table, row, column);
}

/* 200 元, 0.5 元: an amount in 分 */
static void
append_yuan (GString *s,
             gint64   fen)
{
  g_string_append_printf (s, "%" G_GINT64_FORMAT, fen / 100);
  if (fen % 10 != 0)
    g_string_append_printf (s, ".%02d", (int) (fen % 100));
  else if (fen % 100 != 0)
    g_string_append_printf (s, ".%d", (int) (fen % 100 / 10));
  g_string_append (s, " 元");
}

/* R8: what section 六 says of the fees, against itself or section 三 */
static void
describe_fees (GString        *s,
               GPtrArray      *cells,
               NbReport       *report,
               NbTable        *table,
               const NbRecord *record)
{
  const NbTableDef *def = nb_table_get_def (table);
  const char *text = nb_report_get_text (report, NB_TEXT_OTHER_MATTERS);
  int fee_row = nb_table_def_find_row (def, "other_no_fee");
  int new_row = nb_table_def_find_row (def, "new");
  int carried_row = nb_table_def_find_row (def, "carried_over");
  int total = nb_table_def_find_column (def, "total");
  const char *new_name = def->rows[new_row].label, *carried_name = def->rows[carried_row].label;

  switch ((FeesFinding) (record->n[1] & 0xFF))
    {
    case FEES_DIFFER:
      g_string_append_printf (s, "%s ", section_names[6]);
      append_sentence (s, text, record->where);
      {
        const char *start, *end;

        /* the second statement, unless in the same sentence */
        _nb_rules_sentence_bounds (text, record->where, &start, &end);
        if (text + record->n[0] >= end)
          {
            g_string_append (s, "与");
            append_sentence (s, text, (guint) record->n[0]);
          }
      }
      g_string_append (s, "：本年收取信息处理费前后不一（");
      append_yuan (s, record->n[2]);
      g_string_append (s, "、");
      append_yuan (s, record->n[3]);
      g_string_append (s, "）");
      break;
    case FEES_WITHOUT_REQUESTS:
      g_string_append_printf (s, "%s ", section_names[6]);
      append_sentence (s, text, record->where);
      g_string_append (s, "：收取信息处理费 ");
      append_yuan (s, record->n[2]);
      g_string_append_printf (s, "，但第三部分 %s列 %s 与 %s 均为 0，没有可收费的申请",
                              def->columns[total].label, new_name, carried_name);
      add_cell (cells, table, new_row, total);
      add_cell (cells, table, carried_row, total);
      break;
    case FEES_MORE_DROPPED:
      g_string_append_printf (s, "%s ", section_names[6]);
      append_sentence (s, text, record->where);
      g_string_append_printf (s, "：收费通知 %" G_GINT64_FORMAT " 件，但第三部分 %s %s 为 %"
                              G_GINT64_FORMAT " 件，多于收费通知与 %s（%" G_GINT64_FORMAT
                              " 件）之和",
                              record->n[2], def->rows[fee_row].subgroup, def->rows[fee_row].label,
                              record->n[0], carried_name, record->n[3]);
      add_cell (cells, table, fee_row, total);
      add_cell (cells, table, carried_row, total);
      break;
    case FEES_NOT_MENTIONED:
    default:
      g_string_append_printf (s, "第三部分 %s %s 为 %" G_GINT64_FORMAT
                              " 件，说明发出过收费通知，但%s未说明信息处理费收取情况",
                              def->rows[fee_row].subgroup, def->rows[fee_row].label,
                              record->n[0], nb_section_heading (6));
      add_cell (cells, table, fee_row, total);
      break;
    }
}

static void
describe_table_rule (GString        *s,
                     GPtrArray      *cells,
                     NbReport       *report,
                     NbReport       *previous,
                     NbTable        *table,
                     const NbRecord *record)
{
  const NbTableDef *def = nb_table_get_def (table);
  guint row = record->where;

  switch ((Rule) record->rule)
    {
    case RULE_R2_ROW_TOTAL: case RULE_R3_RESULT_TOTAL: case RULE_R4_APPEAL_TOTAL:
      describe_total (s, cells, table, record);
      break;
    case RULE_R1_BALANCE:
      describe_balance (s, cells, table, record);
      break;
    case RULE_R5_BLANK:
      describe_blanks (s, cells, table, record);
      break;
    case RULE_C1_NOT_IMPORTED:
      describe_not_imported (s, cells, table, record);
      break;
    case RULE_N1_NOT_NUMBER:
      append_cell_place (s, def, record->where / def->n_columns, record->where % def->n_columns);
      g_string_append (s, " 填写的");
      append_quoted (s, nb_table_get_marker (table, record->where / def->n_columns,
                                          record->where % def->n_columns));
      g_string_append (s, "不是数字");
      add_cell (cells, table, record->where / def->n_columns, record->where % def->n_columns);
      break;
    case RULE_E1_ENTRY:
      describe_entry (s, cells, table, record->where / def->n_columns,
                      record->where % def->n_columns);
      break;
    case RULE_R6_PUBLISHED:
      {
        int published = nb_table_def_find_column (def, "published");
        int total = nb_table_def_find_column (def, "total_published");

        append_row (s, def, row);
        g_string_append_printf (s, "%s %" G_GINT64_FORMAT " 大于 %s %" G_GINT64_FORMAT,
                                def->columns[published].label, record->n[0],
                                def->columns[total].label, record->n[1]);
        add_cell (cells, table, row, published);
        add_cell (cells, table, row, total);
      }
      break;
    case RULE_R8_FEES:
      describe_fees (s, cells, report, table, record);
      break;
    case RULE_X1_CARRY_OVER:
      {
        int here = nb_table_def_find_row (def, "carried_over");
        int there = nb_table_def_find_row (def, "carried_forward");

        append_column (s, def, record->where);
        g_string_append_printf (s, "%s %" G_GINT64_FORMAT " ≠ 上年报告 %s %" G_GINT64_FORMAT,
                                def->rows[here].label, record->n[0],
                                def->rows[there].label, record->n[1]);
        add_cell (cells, table, here, record->where);
      }
      break;
    case RULE_X7_JUMP:
      append_cell_place (s, def, row / def->n_columns, row % def->n_columns);
      g_string_append_printf (s, " 本年 %" G_GINT64_FORMAT "，上年报告 %" G_GINT64_FORMAT
                              "，相差 %d 倍以上", record->n[0], record->n[1], X7_FACTOR);
      add_cell (cells, table, (int) (row / def->n_columns), (int) (row % def->n_columns));
      break;
    case RULE_X2_IN_FORCE:
      {
        int in_force = nb_table_def_find_column (def, "in_force");

        append_row (s, def, row);
        g_string_append_printf (s, "%s %" G_GINT64_FORMAT " ≠ 上年 %" G_GINT64_FORMAT
                                " + %s %" G_GINT64_FORMAT " − %s %" G_GINT64_FORMAT
                                " = %" G_GINT64_FORMAT,
                                def->columns[in_force].label, record->n[0], record->n[1],
                                def->columns[nb_table_def_find_column (def, "issued")].label,
                                record->n[2],
                                def->columns[nb_table_def_find_column (def, "repealed")].label,
                                record->n[3], record->n[1] + record->n[2] - record->n[3]);
        add_cell (cells, table, row, in_force);
      }
      break;
    case RULE_X2_NOT_COMPARABLE:
      g_string_append_printf (s, "上年报告为%d年版格式，其第二部分 %s 与本年口径不同，未作跨年比对",
                              previous != NULL ? nb_report_get_year (previous) : 0,
                              def->caption);
      if (previous != NULL)
        {
          g_string_truncate (s, 0);
          g_string_append_printf (s, "上年报告为%s年版格式，其第二部分 %s 与本年口径不同，未作跨年比对",
                                  nb_report_get_edition_def (previous)->key, def->caption);
        }
      break;
    case RULE_X3_ITEMS:
      {
        int items = nb_table_def_find_column (def, "prev_items");
        int change = nb_table_def_find_column (def, "change");

        append_row (s, def, row);
        g_string_append_printf (s, "%s %" G_GINT64_FORMAT " ≠ 上年报告 %s %" G_GINT64_FORMAT
                                " + %s ",
                                def->columns[items].label, record->n[0],
                                def->columns[items].label, record->n[1],
                                def->columns[change].label);
        append_number (s, record->n[2]);
        g_string_append (s, " = ");
        append_number (s, record->n[1] + record->n[2]);
        add_cell (cells, table, row, items);
      }
      break;
    default:
      g_assert_not_reached ();
    }
}

/* 第三部分 总计列 （三）不予公开 各项之和, or （一）予以公开 + （二）部分公开 */
static void
describe_outcome_rows (GString   *s,
                       GPtrArray *cells,
                       NbTable   *requests,
                       Figure     figure)
{
  const NbTableDef *def = nb_table_get_def (requests);
  int total = nb_table_def_find_column (def, "total");
  const char *subgroup = NULL;
  guint n = 0;

  g_string_append_printf (s, "%s %s列 ", section_names[3], def->columns[total].label);
  for (guint r = 0; r < def->n_rows; r++)
    if (_nb_rules_figure_has_row (figure, def->rows[r].key))
      {
        subgroup = n == 0 ? def->rows[r].subgroup : subgroup == def->rows[r].subgroup ? subgroup : NULL;
        n++;
        add_cell (cells, requests, (int) r, total);
      }
  if (n > 1 && subgroup != NULL)
    {
      g_string_append_printf (s, "%s 各项之和", subgroup);
      return;
    }
  for (guint r = 0, i = 0; r < def->n_rows; r++)
    if (_nb_rules_figure_has_row (figure, def->rows[r].key))
      {
        g_autofree char *name = nb_table_def_row_name (def, r);

        g_string_append_printf (s, "%s%s", i++ > 0 ? " + " : "", name);
      }
}

/* “…12件，占40%”: 12 件占 40%，但 12 ÷ 第三部分 总计列（第一项 + 第二项）30 = 40.0% */
static void
describe_share (GString   *s,
                GPtrArray *cells,
                NbTable   *requests,
                gint64     percent,
                guint      decimals,
                gint64     count,
                gint64     received)
{
  const NbTableDef *def = nb_table_get_def (requests);
  int total = nb_table_def_find_column (def, "total");
  int nw = nb_table_def_find_row (def, "new"), co = nb_table_def_find_row (def, "carried_over");
  g_autofree char *nw_name = nb_table_def_row_name (def, nw);
  g_autofree char *co_name = nb_table_def_row_name (def, co);
  gint64 scale = 1;

  for (guint d = 0; d < decimals; d++)
    scale *= 10;
  g_string_append_printf (s, "%" G_GINT64_FORMAT " 件占 %" G_GINT64_FORMAT, count, percent / scale);
  if (decimals > 0)
    g_string_append_printf (s, ".%0*" G_GINT64_FORMAT, (int) decimals, percent % scale);
  g_string_append_printf (s, "%%，但 %" G_GINT64_FORMAT " ÷ %s %s列（%s + %s）%" G_GINT64_FORMAT
                          " = %" G_GINT64_FORMAT ".%01" G_GINT64_FORMAT "%%",
                          count, section_names[3], def->columns[total].label, nw_name, co_name,
                          received, count * 100 / received, count * 1000 / received % 10);
  add_cell (cells, requests, nw, total);
  add_cell (cells, requests, co, total);
}

/* “均获维持”，但第四部分 行政复议·结果纠正 1、行政复议·尚未审结 2 */
static void
describe_upheld (GString    *s,
                 GPtrArray  *cells,
                 NbTable    *appeals,
                 const char *phrase,
                 guint       blocks)
{
  const NbTableDef *def = nb_table_get_def (appeals);
  g_autoptr(GArray) columns = g_array_new (FALSE, FALSE, sizeof (int));
  gboolean ok = TRUE;

  _nb_rules_not_upheld (appeals, blocks, columns, &ok);
  g_string_append_printf (s, "%s，但%s ", phrase, section_names[4]);
  for (guint i = 0; i < columns->len; i++)
    {
      int column = g_array_index (columns, int, i);

      g_string_append_printf (s, "%s%s %" G_GINT64_FORMAT, i > 0 ? "、" : "",
                              def->columns[column].full_label,
                              nb_table_get_number (appeals, 0, (guint) column));
      add_cell (cells, appeals, 0, column);
    }
}

/* T1, T2: 第一部分 “…全年新收政府信息公开申请46件…”：新收 46 件，但第三部分 … 为 45 */
static void
describe_text_figure (GString        *s,
                      GPtrArray      *cells,
                      NbReport       *report,
                      const NbRecord *record)
{
  const char *text = nb_report_get_text (report, NB_TEXT_OVERVIEW);
  Figure figure = record->n[2] & 0xFF;
  guint decimals = (record->n[2] >> 8) & 0xFF;
  gint64 denominator = record->n[2] >> 16;
  const char *phrase = _nb_rules_text_figure_phrase (text, record->where);
  NbTable *requests = nb_report_get_table (report, "s3_requests");
  NbTable *appeals = nb_report_get_table (report, "s4_appeals");
  const NbTableDef *rdef = nb_table_get_def (requests);
  const NbTableDef *adef = nb_table_get_def (appeals);
  int total = nb_table_def_find_column (rdef, "total");

  g_string_append_printf (s, "%s ", section_names[1]);
  append_sentence (s, text, record->where);
  g_string_append (s, "：");

  if (figure == FIGURE_RATE)
    {
      int rt = nb_table_def_find_row (rdef, "result_total");
      int nw = nb_table_def_find_row (rdef, "new");
      int co = nb_table_def_find_row (rdef, "carried_over");
      g_autofree char *rt_name = nb_table_def_row_name (rdef, rt);
      g_autofree char *nw_name = nb_table_def_row_name (rdef, nw);
      g_autofree char *co_name = nb_table_def_row_name (rdef, co);
      gint64 scale = 1;

      for (guint d = 0; d < decimals; d++)
        scale *= 10;
      g_string_append_printf (s, "%s %" G_GINT64_FORMAT, phrase, record->n[0] / scale);
      if (decimals > 0)
        g_string_append_printf (s, ".%0*" G_GINT64_FORMAT, (int) decimals, record->n[0] % scale);
      g_string_append_printf (s, "%%，但第三部分 总计列 %s %" G_GINT64_FORMAT " ÷（%s + %s）%"
                              G_GINT64_FORMAT " = %" G_GINT64_FORMAT ".%01" G_GINT64_FORMAT "%%",
                              rt_name, record->n[1], nw_name, co_name, denominator,
                              record->n[1] * 100 / denominator,
                              record->n[1] * 1000 / denominator % 10);
      add_cell (cells, requests, rt, total);
      add_cell (cells, requests, nw, total);
      add_cell (cells, requests, co, total);
      return;
    }

  if (figure == FIGURE_SHARE)
    {
      describe_share (s, cells, requests, record->n[0], decimals, record->n[1], denominator);
      return;
    }
  if (figure == FIGURE_PARTS)
    {
      g_string_append_printf (s, "%s %" G_GINT64_FORMAT " 件，但其中所列各项之和为 %" G_GINT64_FORMAT " 件",
                              phrase, record->n[0], record->n[1]);
      return;
    }
  if (figure == FIGURE_ALL_UPHELD)
    {
      describe_upheld (s, cells, appeals, phrase, decimals /* the blocks */);
      return;
    }
  g_string_append_printf (s, "%s %" G_GINT64_FORMAT " 件，但", phrase, record->n[0]);
  if (figure >= FIGURE_GRANTED_OR_PARTLY && figure <= FIGURE_DECLINED)
    {
      describe_outcome_rows (s, cells, requests, figure);
      g_string_append_printf (s, " 为 %" G_GINT64_FORMAT, record->n[1]);
      return;
    }
  if (figure == FIGURE_REVIEW || figure == FIGURE_LITIGATION)
    {
      const char *keys[2] = { figure == FIGURE_REVIEW ? "review_total" : "direct_total",
                              figure == FIGURE_REVIEW ? NULL : "after_review_total" };

      g_string_append_printf (s, "%s ", section_names[4]);
      for (guint i = 0; i < 2 && keys[i] != NULL; i++)
        {
          int column = nb_table_def_find_column (adef, keys[i]);

          g_string_append_printf (s, "%s%s", i > 0 ? " + " : "", adef->columns[column].full_label);
          add_cell (cells, appeals, 0, column);
        }
    }
  else
    {
      static const char *const row_keys[] = {
        [FIGURE_NEW] = "new", [FIGURE_CARRIED_OVER] = "carried_over",
        [FIGURE_RESULT] = "result_total", [FIGURE_CARRIED_FORWARD] = "carried_forward",
      };
      int row = nb_table_def_find_row (rdef, row_keys[figure]);

      g_string_append_printf (s, "%s %s列 %s", section_names[3], rdef->columns[total].label,
                              rdef->rows[row].label);
      add_cell (cells, requests, row, total);
    }
  g_string_append_printf (s, " 为 %" G_GINT64_FORMAT, record->n[1]);
}

static void
describe_report_rule (GString        *s,
                      NbReport       *report,
                      NbReport       *previous,
                      const NbRecord *record)
{
  switch ((Rule) record->rule)
    {
    case RULE_S1_OVERVIEW:
      g_string_append_printf (s, "%s 尚未填写", nb_section_heading (1));
      break;
    case RULE_R7_PROBLEMS:
      g_string_append_printf (s, "%s 为空或只写了“无”", nb_section_heading (5));
      break;
    case RULE_S2_OTHER_MATTERS:
      g_string_append_printf (s, "%s 为空；没有需要报告的事项时应写“无”",
                              nb_section_heading (6));
      break;
    case RULE_X4_REPEATED:
      g_string_append_printf (s, "%s 与上年报告重复约 %" G_GINT64_FORMAT "%%（超过 %d%%）",
                              nb_section_heading (5), record->n[0], X4_LIMIT_PERCENT);
      break;
    case RULE_M1_ORGAN:
      g_string_append (s, "未填写机关名称");
      break;
    case RULE_M2_YEAR:
      if (record->n[0] == 0)
        g_string_append (s, "未填写报告年度");
      else
        g_string_append_printf (s, "报告年度 %" G_GINT64_FORMAT " 不在 %d 至 %" G_GINT64_FORMAT
                                " 之间", record->n[0], NB_YEAR_MIN, record->n[1]);
      break;
    case RULE_M3_TITLE:
      g_string_append (s, "标题");
      append_quoted (s, nb_report_get_title (report));
      g_string_append_printf (s, "未写明报告年度 %" G_GINT64_FORMAT, record->n[0]);
      break;
    case RULE_M5_PERIOD:
      {
        const char *text = nb_report_get_text (report, (NbTextSection) record->n[2]);
        const char *start, *end;

        _nb_rules_sentence_bounds (text, record->where, &start, &end);
        g_string_append_printf (s, "%s “", section_names[record->section]);
        append_quote (s, start, end);
        g_string_append_printf (s, "”：统计期限的年份 %" G_GINT64_FORMAT " 不是报告年度 %"
                                G_GINT64_FORMAT, record->n[0], record->n[1]);
      }
      break;
    case RULE_M6_ORGAN:
      {
        const char *text = nb_report_get_text (report, (NbTextSection) record->n[1]);

        g_string_append_printf (s, "%s ", section_names[record->section]);
        append_sentence (s, text, record->where);
        g_string_append (s, "：所写机关“");
        append_quote (s, text + record->where, text + record->n[0]);
        g_string_append (s, "”与本报告机关");
        append_quoted (s, nb_report_get_organ (report));
        g_string_append (s, "不一致");
      }
      break;
    case RULE_M4_EDITION:
      {
        const NbEditionDef *expected = nb_edition_get (nb_edition_for_year (record->n[0]));

        g_string_append_printf (s, "%" G_GINT64_FORMAT "年度报告应使用%s年版格式（%s），"
                                "本报告为%s年版",
                                record->n[0], expected->key, expected->document,
                                nb_report_get_edition_def (report)->key);
      }
      break;
    case RULE_X5_ORGAN:
      g_string_append (s, "机关名称");
      append_quoted (s, nb_report_get_organ (report));
      g_string_append (s, "与上年报告");
      append_quoted (s, nb_report_get_organ (previous));
      g_string_append (s, "不同");
      break;
    case RULE_X6_YEAR:
      g_string_append_printf (s, "报告年度 %" G_GINT64_FORMAT " 不是上年报告年度 %"
                              G_GINT64_FORMAT " 的下一年", record->n[0], record->n[1]);
      break;
    default:
      g_assert_not_reached ();
    }
}

/**
 * nb_rules_describe:
 * Returns: (transfer full): the finding for @record, its message written
 *   from the report as it is now
 */
NbFinding *
nb_rules_describe (NbReport       *report,
                   NbReport       *previous,
                   const NbRecord *record)
{
  g_autoptr(GString) message = g_string_new (NULL);
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);

  if (record->table != NO_TABLE)
    describe_table_rule (message, cells, report, previous,
                         nb_report_get_table_at (report, record->table), record);
  else if (record->rule == RULE_T1_TEXT_REQUESTS || record->rule == RULE_T2_TEXT_APPEALS)
    describe_text_figure (message, cells, report, record);
  else
    describe_report_rule (message, report, previous, record);
  g_ptr_array_add (cells, NULL);

  return nb_finding_new (rules[record->rule].id, rules[record->rule].severity,
                         record->section, message->str,
                         (const char * const *) cells->pdata);
}
