from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from companies.analysis.imports import import_statistics


class Command(BaseCommand):
    help = (
        "Import regional statistics: a long CSV (region,region_name,nace,year,indicator,"
        "value,source) or a Eurostat regional SBS TSV, gzipped or not. One transaction: "
        "a file with any bad line changes nothing and its bad lines are listed."
    )

    def add_arguments(self, parser):
        parser.add_argument("path", help="The file to import.")
        parser.add_argument(
            "--source",
            default="",
            help="The figures' source (default: the CSV's column, or \"Eurostat, <file>\").",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Say what the import would do; change nothing."
        )

    def handle(self, *args, path, source, dry_run, **options):
        file = Path(path)
        try:
            data = file.read_bytes()
        except OSError as error:
            raise CommandError(f"Cannot read {path}: {error.strerror}.") from None
        result = import_statistics(data=data, file_name=file.name, source=source, dry_run=dry_run)
        if result.refused:
            for line, reason in result.errors:
                self.stderr.write(f"line {line}: {reason}")
            raise CommandError(
                f"{file.name} was not imported: {len(result.errors)} bad line(s); nothing changed."
            )
        summary = result.summary()
        self.stdout.write(
            ("Dry run, nothing changed: " if dry_run else "Imported: ")
            + ", ".join(
                f"{name} {summary[name]}" for name in ["created", "updated", "unchanged", "skipped"]
            )
        )
        if result.regions_added:
            self.stdout.write(
                ("Regions to add: " if dry_run else "Regions added: ")
                + ", ".join(result.regions_added)
            )
