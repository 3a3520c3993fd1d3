"""Messages of the database: the store's refusals, `spokes db` and its sub-commands."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the store ---------------------------------------------------------------------------
    "store.unreachable": (
        "cannot use the database {url}: {problem}. Nothing was written.",
        "không dùng được cơ sở dữ liệu {url}: {problem}. Chưa có gì được ghi.",
    ),
    "store.no_schema": (
        "cannot use the database {url}: it has no schema this role may read or create tables"
        " in (was its access revoked? does the URL's search_path name the right schema?)."
        " Nothing was written.",
        "không dùng được cơ sở dữ liệu {url}: không có lược đồ nào mà vai trò này được đọc"
        " hoặc tạo bảng (quyền đã bị thu hồi? search_path trong địa chỉ có đúng lược đồ?)."
        " Chưa có gì được ghi.",
    ),
    "store.denied": (
        "the database {url} refused this change: {problem}. A unit's role may change only"
        " the records of the unit it speaks for (`spokes db status` lists them). Nothing was"
        " written.",
        "cơ sở dữ liệu {url} từ chối thay đổi này: {problem}. Vai trò của một đơn vị chỉ được"
        " thay đổi hồ sơ của đơn vị mình (xem `spokes db status`). Chưa có gì được ghi.",
    ),
    "store.bad_url": (
        "{source}={url} is not a PostgreSQL URL: write postgresql://USER@HOST/DATABASE, or"
        " unset it to use the workspace's own SQLite file",
        "{source}={url} không phải địa chỉ PostgreSQL: hãy viết postgresql://USER@HOST/DATABASE,"
        " hoặc bỏ biến này để dùng tệp SQLite của không gian làm việc",
    ),
    "store.backup_postgres": (
        "`spokes backup` copies the SQLite file; this workspace is in PostgreSQL ({url})."
        " Copy it with `spokes db copy --to {target}` or with pg_dump.",
        "`spokes backup` chỉ sao lưu tệp SQLite; dữ liệu này nằm trong PostgreSQL ({url})."
        " Hãy sao chép bằng `spokes db copy --to {target}` hoặc bằng pg_dump.",
    ),
    # -- help --------------------------------------------------------------------------------
    "help.db": (
        "The database: its state, its migrations, a copy to another backend, access per unit.",
        "Cơ sở dữ liệu: tình trạng, các bước cập nhật lược đồ, sao chép sang nơi khác, quyền"
        " theo đơn vị.",
    ),
    "help.db.status": (
        "Backend, schema version, pending migrations, the number of records, unit roles.",
        "Loại cơ sở dữ liệu, phiên bản lược đồ, bước cập nhật còn chờ, số bản ghi, vai trò"
        " của các đơn vị.",
    ),
    "help.db.migrate": (
        "Apply the pending migrations now (every command also does it on first use).",
        "Áp dụng ngay các bước cập nhật lược đồ còn chờ (mọi lệnh cũng tự làm khi cần).",
    ),
    "help.db.copy": (
        "Copy every record into another database (SQLite file or PostgreSQL URL), then check"
        " the copy.",
        "Sao chép mọi bản ghi sang cơ sở dữ liệu khác (tệp SQLite hoặc địa chỉ PostgreSQL),"
        " rồi kiểm tra bản sao.",
    ),
    "help.opt.db_to": (
        "The target: postgresql://USER@HOST/DATABASE, or a new SQLite file.",
        "Nơi nhận: postgresql://USER@HOST/DATABASE, hoặc một tệp SQLite mới.",
    ),
    "help.db.grant": (
        "Let a database role write the records of one unit, and only those (PostgreSQL).",
        "Cho một vai trò cơ sở dữ liệu ghi hồ sơ của một đơn vị, và chỉ của đơn vị đó"
        " (PostgreSQL).",
    ),
    "help.db.revoke": (
        "Take back from a database role the records of one unit (PostgreSQL).",
        "Thu hồi quyền ghi hồ sơ của một đơn vị khỏi một vai trò cơ sở dữ liệu (PostgreSQL).",
    ),
    "help.arg.db_unit": ("The unit's code.", "Mã đơn vị."),
    "help.arg.db_role": (
        "The PostgreSQL role its spokesperson logs in as.",
        "Vai trò PostgreSQL mà người phát ngôn của đơn vị dùng để đăng nhập.",
    ),
    # -- db status ---------------------------------------------------------------------------
    "db.status.backend": ("Backend", "Loại cơ sở dữ liệu"),
    "db.status.location": ("Database", "Cơ sở dữ liệu"),
    "db.status.version": ("Schema version", "Phiên bản lược đồ"),
    "db.status.applied": ("Migrations applied", "Số bước đã áp dụng"),
    "db.status.pending": ("Pending migrations", "Bước cập nhật còn chờ"),
    "db.status.records": ("Records", "Số bản ghi"),
    "db.status.roles": ("Unit roles", "Vai trò của đơn vị"),
    "db.status.none": ("none", "không có"),
    "db.status.pending_hint": (
        "Run `spokes db migrate` to apply them.",
        "Chạy `spokes db migrate` để áp dụng.",
    ),
    # -- db migrate --------------------------------------------------------------------------
    "db.migrated": (
        "Applied {count} migration(s) to {location}: {names}.",
        "Đã áp dụng {count} bước cập nhật lược đồ cho {location}: {names}.",
    ),
    "db.up_to_date": (
        "{location} is up to date ({version}).",
        "{location} đã ở phiên bản mới nhất ({version}).",
    ),
    # -- db copy -----------------------------------------------------------------------------
    "db.copied": (
        "Copied to {target}: {counts}. Checked: the same number of rows in every table, and"
        " the two JSON exports identical ({size} bytes). To use it, set SPOKES_DATABASE_URL"
        " (or [database] url) to it.",
        "Đã sao chép sang {target}: {counts}. Đã kiểm tra: số dòng của mọi bảng như nhau, hai"
        " bản xuất JSON giống hệt nhau ({size} byte). Để dùng nó, đặt SPOKES_DATABASE_URL"
        " (hoặc [database] url) theo địa chỉ này.",
    ),
    "db.copied_file": (
        "Copied to {target}: {counts}. Checked: the same number of rows in every table, and"
        " the two JSON exports identical ({size} bytes).",
        "Đã sao chép sang {target}: {counts}. Đã kiểm tra: số dòng của mọi bảng như nhau, hai"
        " bản xuất JSON giống hệt nhau ({size} byte).",
    ),
    "db.copy_mismatch": (
        "the copy in {target} does not match the source ({tables}); it was rolled back and"
        " nothing was written.",
        "bản sao trong {target} không khớp với nguồn ({tables}); đã hủy, chưa có gì được ghi.",
    ),
    "db.target_not_empty": (
        "{target} already holds {units} unit(s) and {incidents} incident(s): copy only into an"
        " empty database. Nothing was written.",
        "{target} đã có {units} đơn vị và {incidents} sự cố: chỉ sao chép vào cơ sở dữ liệu"
        " trống. Chưa có gì được ghi.",
    ),
    "db.copy_same": (
        "{target} is the database in use: copy to another one.",
        "{target} chính là cơ sở dữ liệu đang dùng: hãy sao chép sang nơi khác.",
    ),
    "db.not_spokes_file": (
        "{path} exists and is not a spokes database: name a new file.",
        "{path} đã tồn tại và không phải cơ sở dữ liệu của spokes: hãy đặt tên tệp mới.",
    ),
    # -- db grant / revoke -------------------------------------------------------------------
    "db.grant_needs_postgres": (
        "access per unit needs the shared PostgreSQL database: on SQLite the file's owner"
        " does everything. Set SPOKES_DATABASE_URL first (see the README).",
        "phân quyền theo đơn vị cần cơ sở dữ liệu PostgreSQL dùng chung: với SQLite, người"
        " sở hữu tệp làm được mọi việc. Hãy đặt SPOKES_DATABASE_URL trước (xem README).",
    ),
    "db.no_role": (
        "there is no database role '{role}'. Create it first, e.g. in psql:"
        " CREATE ROLE {quoted} LOGIN PASSWORD '…';",
        "chưa có vai trò cơ sở dữ liệu '{role}'. Hãy tạo trước, ví dụ trong psql:"
        " CREATE ROLE {quoted} LOGIN PASSWORD '…';",
    ),
    "db.role_is_office": (
        "'{role}' is the role this command runs as, the office's: it owns the records and"
        " cannot be held to one unit. Grant a role of the unit's own.",
        "'{role}' là vai trò đang chạy lệnh này, vai trò của văn phòng: nó sở hữu dữ liệu nên"
        " không thể giới hạn trong một đơn vị. Hãy cấp cho vai trò riêng của đơn vị.",
    ),
    "db.role_bypasses": (
        "'{role}' is a superuser or bypasses row-level security: the database could not hold"
        " it to one unit. Grant a role without those attributes.",
        "'{role}' là siêu người dùng hoặc bỏ qua bảo mật theo dòng: cơ sở dữ liệu không thể"
        " giới hạn nó trong một đơn vị. Hãy cấp cho vai trò không có các thuộc tính đó.",
    ),
    "db.granted": (
        "Role '{role}' may now write the records of {unit}, and only those.",
        "Vai trò '{role}' từ nay được ghi hồ sơ của {unit}, và chỉ của đơn vị đó.",
    ),
    "db.already_granted": (
        "Role '{role}' could already write the records of {unit}; its privileges were renewed.",
        "Vai trò '{role}' đã được ghi hồ sơ của {unit}; quyền của nó đã được cấp lại.",
    ),
    "db.not_granted": (
        "role '{role}' does not speak for {unit}: nothing to revoke.",
        "vai trò '{role}' không phát ngôn cho {unit}: không có gì để thu hồi.",
    ),
    "db.revoked": (
        "Role '{role}' may no longer write the records of {unit}; it still speaks for: {left}.",
        "Vai trò '{role}' không còn được ghi hồ sơ của {unit}; vẫn phát ngôn cho: {left}.",
    ),
    "db.revoked_all": (
        "Role '{role}' may no longer write the records of {unit}; it speaks for no unit now,"
        " and every privilege on this database was taken back.",
        "Vai trò '{role}' không còn được ghi hồ sơ của {unit}; nó không còn phát ngôn cho đơn"
        " vị nào, mọi quyền trên cơ sở dữ liệu này đã được thu hồi.",
    ),
    # -- where -------------------------------------------------------------------------------
    "where.backend": ("Backend", "Loại cơ sở dữ liệu"),
    "where.database_source": ("Database set by", "Cơ sở dữ liệu chọn theo"),
    "where.database_problem": ("Database problem", "Lỗi cơ sở dữ liệu"),
}
