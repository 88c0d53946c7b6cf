"""``wirescope serve``: the REST API and the analyst's web app over a store (``--db``)."""

from __future__ import annotations

import ipaddress
import os
from pathlib import Path

import click

from wirescope.config import Settings, is_postgres


def _is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@click.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to bind; anything but loopback needs --public.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True)
@click.option("--public", is_flag=True,
              help="Allow binding a non-loopback address (the API has no read authentication).")
@click.option("--token", envvar="WIRESCOPE_TOKEN", default=None,
              help="Token that opens ingest over HTTP (POST /api/documents); without one, "
              "ingest is off. Also WIRESCOPE_TOKEN.")
@click.option("--allow-host", "allow_hosts", multiple=True, metavar="NAME",
              help="A host name the server answers to besides loopback and --host (repeat; "
              "'*' answers any). Other Host headers get 400: a page on another name cannot "
              "read the API through DNS rebinding.")
@click.pass_context
def serve(ctx: click.Context, host: str, port: int, public: bool, token: str | None,
          allow_hosts: tuple[str, ...]) -> None:
    """Serve the store: the API under /api (OpenAPI at /openapi.json) and the web app at /.

    \b
    Example:
      wirescope --db wirescope-demo.db serve          # then open http://127.0.0.1:8000/
    """
    import uvicorn

    from wirescope.serve.api import LOOPBACK_HOSTS, Server, create_app

    settings: Settings = ctx.obj
    if not _is_loopback(host) and not public:
        raise click.UsageError(f"{host} is not a loopback address; add --public to bind it")
    if not is_postgres(settings.db) and not Path(settings.db).exists():
        raise click.UsageError(
            f"no store at {settings.db}; run `wirescope demo` or `wirescope extract` first, "
            "or point --db at one"
        )
    if token is not None and len(token) < 16:
        raise click.UsageError("the token must be at least 16 characters")
    hosts = (*LOOPBACK_HOSTS, host.casefold(), *(h.casefold() for h in allow_hosts))
    app = create_app(Server(db=settings.db, token=token or None, settings=settings,
                            hosts=tuple(dict.fromkeys(hosts))))
    click.echo(f"wirescope: serving {settings.db} on http://{host}:{port}/ "
               f"(ingest {'on' if token else 'off'})", err=True)
    uvicorn.run(app, host=host, port=port, log_level=os.environ.get("WIRESCOPE_LOG", "warning"))
