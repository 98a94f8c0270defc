//! The whole store as rows, for `praxis backup` and `praxis restore`: every table read in
//! one consistent snapshot while the site keeps serving, and written back into an empty
//! store on either backend inside one transaction. Values travel as JSON (integers,
//! floats, text, null), so a SQLite installation moves to PostgreSQL and back.
//!
//! The archive around these rows (manifest, checksums, attachments) belongs to the
//! application layer; this module only knows tables.

use crate::{Pool, Result, Store, StoreError};
use futures::TryStreamExt;
use serde_json::Value;
use sqlx::{Column, Row, TypeInfo, ValueRef};

/// Every table of the schema, in an order in which rows can be inserted without breaking
/// a reference, each with the columns that order its rows. A table the migrations add
/// must be added here: the store suite fails until it is.
pub const TABLES: &[(&str, &str)] = &[
    ("places", "id"),
    ("organisations", "id"),
    ("initiatives", "id"),
    ("initiative_themes", "initiative_id, theme"),
    ("initiative_aims", "initiative_id, aim"),
    ("initiative_revisions", "id"),
    ("changes", "seq"),
    ("users", "id"),
    ("memberships", "user_id, organisation_id"),
    ("sessions", "token_hash"),
    ("api_tokens", "id"),
    ("one_time_tokens", "token_hash"),
    ("sign_in_failures", "id"),
    ("audit_log", "id"),
    ("calls", "id"),
    ("call_versions", "id"),
    ("signatories", "id"),
    ("signatory_working_points", "signatory_id, working_point"),
    ("signatory_initiatives", "signatory_id, initiative_id"),
    ("signature_requests", "id"),
    ("events", "id"),
    ("event_themes", "event_id, theme"),
    ("event_languages", "event_id, language"),
    ("registrations", "id"),
    ("event_mail", "id"),
    ("reports", "id"),
    ("record_revisions", "id"),
    ("rate_limit_hits", "id"),
    ("mail_outbox", "id"),
    ("passage_vectors", "passage_key"),
];

/// What a snapshot hands its reader, table after table.
#[derive(Debug)]
pub enum SnapshotItem<'a> {
    /// A table begins; `rows` of them follow.
    Table { name: &'static str, columns: &'a [String], rows: u64 },
    /// One row, its values in the order of the columns.
    Row(&'a [Value]),
}

/// How a column's values are kept: the two backends name the same three kinds differently.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Integer,
    Float,
    Text,
}

impl Kind {
    fn of_declared(declared: &str) -> Kind {
        let declared = declared.to_ascii_lowercase();
        if declared.contains("int") || declared.contains("serial") {
            Kind::Integer
        } else if declared.contains("double") || declared.contains("real") || declared.contains("float") {
            Kind::Float
        } else {
            Kind::Text
        }
    }
}

/// Reads one value of a row as JSON, by what SQLite actually stored.
fn sqlite_value(row: &sqlx::sqlite::SqliteRow, i: usize) -> Result<Value> {
    let raw = row.try_get_raw(i)?;
    if raw.is_null() {
        return Ok(Value::Null);
    }
    let kind = raw.type_info().name().to_string();
    Ok(match kind.as_str() {
        "INTEGER" => Value::from(row.try_get_unchecked::<i64, _>(i)?),
        "REAL" => float(row.try_get_unchecked::<f64, _>(i)?)?,
        "TEXT" => Value::from(row.try_get_unchecked::<String, _>(i)?),
        other => return Err(StoreError::Corrupt(format!("a {other} value where text or a number belongs"))),
    })
}

/// Reads one value of a row as JSON, by the column's type.
fn postgres_value(row: &sqlx::postgres::PgRow, i: usize) -> Result<Value> {
    let kind = row.columns()[i].type_info().name().to_string();
    Ok(match kind.as_str() {
        "INT8" => row.try_get::<Option<i64>, _>(i)?.map_or(Value::Null, Value::from),
        "INT4" => row.try_get::<Option<i32>, _>(i)?.map_or(Value::Null, Value::from),
        "FLOAT8" => match row.try_get::<Option<f64>, _>(i)? {
            Some(x) => float(x)?,
            None => Value::Null,
        },
        "TEXT" | "VARCHAR" => row.try_get::<Option<String>, _>(i)?.map_or(Value::Null, Value::from),
        other => {
            return Err(StoreError::Corrupt(format!("a column of type {other}, which backups do not carry")))
        }
    })
}

fn float(x: f64) -> Result<Value> {
    serde_json::Number::from_f64(x)
        .map(Value::Number)
        .ok_or_else(|| StoreError::Corrupt(format!("the number {x} cannot be written")))
}

/// Runs one of two SQL texts answering a single integer, by backend.
macro_rules! with_pool_any {
    ($store:expr, sqlite: $sqlite:expr, postgres: $postgres:expr) => {{
        let (value,): (i64,) = match &$store.pool {
            Pool::Sqlite(pool) => sqlx::query_as($sqlite).fetch_one(pool).await?,
            Pool::Postgres(pool) => sqlx::query_as($postgres).fetch_one(pool).await?,
        };
        value
    }};
}

impl Store {
    /// The latest migration applied to this database (0 for a database never migrated).
    pub async fn schema_version(&self) -> Result<i64> {
        let exists: i64 = with_pool_any!(self,
            sqlite: "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
            postgres: "SELECT COUNT(*) FROM information_schema.tables \
                       WHERE table_schema = current_schema() AND table_name = '_sqlx_migrations'");
        if exists == 0 {
            return Ok(0);
        }
        let (version,): (Option<i64>,) = crate::with_pool!(self, pool => {
            sqlx::query_as("SELECT MAX(version) FROM _sqlx_migrations").fetch_one(pool).await?
        });
        Ok(version.unwrap_or(0))
    }

    /// The latest migration this build of Praxis knows.
    pub fn latest_schema_version(&self) -> i64 {
        let migrator = match &self.pool {
            Pool::Sqlite(_) => sqlx::migrate!("./migrations/sqlite"),
            Pool::Postgres(_) => sqlx::migrate!("./migrations/postgres"),
        };
        migrator.migrations.iter().map(|m| m.version).max().unwrap_or(0)
    }

    /// The tables the database holds (apart from the migrations' own), for the check that
    /// [`TABLES`] names them all.
    pub async fn table_names(&self) -> Result<Vec<String>> {
        let sql = match &self.pool {
            Pool::Sqlite(_) => {
                "SELECT name FROM sqlite_master WHERE type = 'table' \
                 AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations' ORDER BY name"
            }
            Pool::Postgres(_) => {
                "SELECT table_name::text FROM information_schema.tables WHERE table_schema = current_schema() \
                 AND table_type = 'BASE TABLE' AND table_name <> '_sqlx_migrations' ORDER BY table_name"
            }
        };
        self.texts(sql).await
    }

    /// How many rows the tables of [`TABLES`] hold together (for a progress bar).
    pub async fn row_count(&self) -> Result<u64> {
        let mut total = 0;
        for (table, _) in TABLES {
            let (n,): (i64,) = crate::with_pool!(self, pool => {
                sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(pool).await?
            });
            total += n as u64;
        }
        Ok(total)
    }

    /// The first table that holds a row, if any: a restore goes only into an empty store.
    pub async fn first_filled_table(&self) -> Result<Option<&'static str>> {
        for (table, _) in TABLES {
            let (rows,): (i64,) = crate::with_pool!(self, pool => {
                sqlx::query_as(&format!("SELECT COUNT(*) FROM (SELECT 1 FROM {table} LIMIT 1) AS probe"))
                    .fetch_one(pool).await?
            });
            if rows > 0 {
                return Ok(Some(table));
            }
        }
        Ok(None)
    }

    /// Reads every table of [`TABLES`] inside one read-only transaction, so what it hands
    /// `sink` is the store as it was at one instant even while others write. Rows stream:
    /// a table is never held in memory whole.
    pub async fn snapshot<E>(
        &self,
        mut sink: impl FnMut(SnapshotItem<'_>) -> Result<(), E>,
    ) -> Result<Result<(), E>> {
        // The same loop for each backend, reading values by that backend's rules.
        macro_rules! read_all {
            ($tx:expr, $value:path) => {
                for (table, order) in TABLES {
                    let (count,): (i64,) =
                        sqlx::query_as(&format!("SELECT COUNT(*) FROM {table}")).fetch_one(&mut *$tx).await?;
                    let columns = self.columns(table).await?;
                    if let Err(e) =
                        sink(SnapshotItem::Table { name: table, columns: &columns, rows: count as u64 })
                    {
                        return Ok(Err(e));
                    }
                    let sql = format!("SELECT {} FROM {table} ORDER BY {order}", columns.join(", "));
                    let mut rows = sqlx::query(&sql).fetch(&mut *$tx);
                    let mut values = Vec::with_capacity(columns.len());
                    while let Some(row) = rows.try_next().await? {
                        values.clear();
                        for i in 0..columns.len() {
                            values.push($value(&row, i)?);
                        }
                        if let Err(e) = sink(SnapshotItem::Row(&values)) {
                            return Ok(Err(e));
                        }
                    }
                }
            };
        }
        match &self.pool {
            Pool::Sqlite(pool) => {
                // In WAL mode a read transaction sees the database as of its first read.
                let mut tx = pool.begin().await?;
                read_all!(tx, sqlite_value);
                tx.commit().await?;
            }
            Pool::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                sqlx::query("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                    .execute(&mut *tx)
                    .await?;
                read_all!(tx, postgres_value);
                tx.commit().await?;
            }
        }
        Ok(Ok(()))
    }

    /// A table's columns in their declared order.
    async fn columns(&self, table: &str) -> Result<Vec<String>> {
        Ok(self.column_kinds(table).await?.into_iter().map(|(name, _)| name).collect())
    }

    async fn column_kinds(&self, table: &str) -> Result<Vec<(String, Kind)>> {
        let rows: Vec<(String, String)> = match &self.pool {
            Pool::Sqlite(pool) => {
                sqlx::query_as("SELECT name, type FROM pragma_table_info($1) ORDER BY cid")
                    .bind(table)
                    .fetch_all(pool)
                    .await?
            }
            Pool::Postgres(pool) => {
                sqlx::query_as(
                    "SELECT column_name::text, data_type::text FROM information_schema.columns \
                     WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position",
                )
                .bind(table)
                .fetch_all(pool)
                .await?
            }
        };
        if rows.is_empty() {
            return Err(StoreError::Corrupt(format!("the table {table} is missing")));
        }
        Ok(rows.into_iter().map(|(name, declared)| (name, Kind::of_declared(&declared))).collect())
    }

    /// Starts writing a backup's rows into this store: one transaction for all of them.
    pub async fn begin_restore(&self) -> Result<Restore> {
        let mut kinds = std::collections::HashMap::new();
        for (table, _) in TABLES {
            kinds.insert(*table, self.column_kinds(table).await?);
        }
        let tx = match &self.pool {
            Pool::Sqlite(pool) => RestoreTx::Sqlite(pool.begin().await?),
            Pool::Postgres(pool) => RestoreTx::Postgres(pool.begin().await?),
        };
        Ok(Restore { tx, kinds })
    }
}

enum RestoreTx {
    Sqlite(sqlx::Transaction<'static, sqlx::Sqlite>),
    Postgres(sqlx::Transaction<'static, sqlx::Postgres>),
}

/// A restore under way: rows go in with [`Restore::insert`], and nothing is kept unless
/// [`Restore::commit`] is reached.
pub struct Restore {
    tx: RestoreTx,
    kinds: std::collections::HashMap<&'static str, Vec<(String, Kind)>>,
}

/// Rows per INSERT statement at most, well under both backends' limits on parameters.
const PARAMETERS_PER_STATEMENT: usize = 4_000;

/// One value made ready for the column it goes into.
enum Bound<'a> {
    Integer(Option<i64>),
    Float(Option<f64>),
    Text(Option<&'a str>),
}

impl Restore {
    /// Inserts rows into `table`, each with one value per column of `columns` (the names
    /// the backup recorded). `first_row` numbers the first of them in messages. A value
    /// that does not fit its column is refused with the row and column named.
    pub async fn insert(
        &mut self,
        table: &str,
        columns: &[String],
        rows: &[Vec<Value>],
        first_row: u64,
    ) -> Result<()> {
        let Some(kinds) = self.kinds.get(table) else {
            return Err(StoreError::Invalid {
                id: table.to_string(),
                message: "this table is not part of the schema".into(),
            });
        };
        let mut column_kinds = Vec::with_capacity(columns.len());
        for column in columns {
            match kinds.iter().find(|(name, _)| name == column) {
                Some((_, kind)) => column_kinds.push(*kind),
                None => {
                    return Err(StoreError::Invalid {
                        id: table.to_string(),
                        message: format!("the column {column} is not part of the schema"),
                    })
                }
            }
        }
        if columns.is_empty() || rows.is_empty() {
            return Ok(());
        }
        let mut bound: Vec<Vec<Bound<'_>>> = Vec::with_capacity(rows.len());
        for (n, row) in rows.iter().enumerate() {
            let place = || format!("{table} row {}", first_row + n as u64);
            if row.len() != columns.len() {
                return Err(StoreError::Invalid {
                    id: place(),
                    message: format!("{} values for {} columns", row.len(), columns.len()),
                });
            }
            let mut values = Vec::with_capacity(row.len());
            for ((value, kind), column) in row.iter().zip(&column_kinds).zip(columns) {
                let fits = match (kind, value) {
                    (Kind::Integer, Value::Null) => Some(Bound::Integer(None)),
                    (Kind::Float, Value::Null) => Some(Bound::Float(None)),
                    (Kind::Text, Value::Null) => Some(Bound::Text(None)),
                    (Kind::Integer, Value::Number(x)) => x.as_i64().map(|x| Bound::Integer(Some(x))),
                    (Kind::Float, Value::Number(x)) => x.as_f64().map(|x| Bound::Float(Some(x))),
                    (Kind::Text, Value::String(s)) => Some(Bound::Text(Some(s))),
                    _ => None,
                };
                let Some(fits) = fits else {
                    let wanted = match kind {
                        Kind::Integer => "a whole number",
                        Kind::Float => "a number",
                        Kind::Text => "text",
                    };
                    return Err(StoreError::Invalid {
                        id: place(),
                        message: format!("column {column} holds {value}, where {wanted} belongs"),
                    });
                };
                values.push(fits);
            }
            bound.push(values);
        }
        let per_statement = (PARAMETERS_PER_STATEMENT / columns.len()).max(1);
        for chunk in bound.chunks(per_statement) {
            let mut sql = format!("INSERT INTO {table} ({}) VALUES ", columns.join(", "));
            let mut n = 0;
            for (r, _) in chunk.iter().enumerate() {
                if r > 0 {
                    sql.push_str(", ");
                }
                sql.push('(');
                for c in 0..columns.len() {
                    if c > 0 {
                        sql.push_str(", ");
                    }
                    n += 1;
                    sql.push_str(&format!("${n}"));
                }
                sql.push(')');
            }
            macro_rules! run {
                ($tx:expr) => {{
                    let mut query = sqlx::query(&sql);
                    for row in chunk {
                        for value in row {
                            query = match value {
                                Bound::Integer(x) => query.bind(*x),
                                Bound::Float(x) => query.bind(*x),
                                Bound::Text(x) => query.bind(*x),
                            };
                        }
                    }
                    query.execute(&mut **$tx).await?;
                }};
            }
            match &mut self.tx {
                RestoreTx::Sqlite(tx) => run!(tx),
                RestoreTx::Postgres(tx) => run!(tx),
            }
        }
        Ok(())
    }

    /// Keeps everything inserted. On PostgreSQL the counters behind generated ids move
    /// past the restored ones, so the next record does not collide with a restored one.
    /// Claims on document vectors not computed yet belonged to the nodes of the old site:
    /// they are dropped, so the new site's nodes compute those vectors at once.
    pub async fn commit(mut self) -> Result<()> {
        const CLAIMS: &str = "DELETE FROM passage_vectors WHERE vector IS NULL";
        match &mut self.tx {
            RestoreTx::Sqlite(tx) => {
                sqlx::query(CLAIMS).execute(&mut **tx).await?;
            }
            RestoreTx::Postgres(tx) => {
                sqlx::query(CLAIMS).execute(&mut **tx).await?;
            }
        }
        if let RestoreTx::Postgres(tx) = &mut self.tx {
            let serial: Vec<(String, String)> = sqlx::query_as(
                "SELECT table_name::text, column_name::text FROM information_schema.columns \
                 WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'",
            )
            .fetch_all(&mut **tx)
            .await?;
            for (table, column) in serial {
                sqlx::query(&format!(
                    "SELECT setval(pg_get_serial_sequence('{table}', '{column}'), \
                     COALESCE((SELECT MAX({column}) FROM {table}), 0) + 1, false)"
                ))
                .execute(&mut **tx)
                .await?;
            }
        }
        match self.tx {
            RestoreTx::Sqlite(tx) => tx.commit().await?,
            RestoreTx::Postgres(tx) => tx.commit().await?,
        }
        Ok(())
    }
}
