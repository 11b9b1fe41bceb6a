"""Web commands: serve the REST API, and manage the agents who may call it."""

from __future__ import annotations

import sys

import click
from rich.table import Table

from myrtille.cli.command import ACCESS_LOG_HELP, AppContext, err, main, out, reports_config_errors
from myrtille.cli.language import say, say_n
from myrtille.texts import N_, format_datetime, locale_language

AGENT_COLUMNS = (
    N_("name"),
    N_("email"),
    N_("key"),
    N_("created (UTC)"),
    N_("last used (UTC)"),
    N_("status"),
)


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to listen on.")
@click.option("--port", type=int, default=8000, show_default=True, help="Port to listen on.")
@click.option("--access-log", is_flag=True, help=ACCESS_LOG_HELP)
@click.pass_obj
@reports_config_errors
def serve(app: AppContext, host: str, port: int, access_log: bool) -> None:
    """Serve the REST API (/api/v1, documented at /docs)."""
    import uvicorn

    from myrtille.web.app import create_app
    from myrtille.web.server import server_config

    url = f"http://{host}:{port}"
    out.print(say("Serving the API on {url} (docs at {docs})", url=url, docs="/docs"), markup=False)
    config = server_config(
        create_app(app.settings), app.settings, host, port, access_log=access_log
    )
    uvicorn.Server(config).run()


@main.group(name="users")
def users_group() -> None:
    """Agents and their API keys."""


@users_group.command(name="create-agent")
@click.argument("name")
@click.option("--email", metavar="EMAIL", help="Who to contact about this agent.")
@click.pass_obj
@reports_config_errors
def create_agent_command(app: AppContext, name: str, email: str | None) -> None:
    """Create an agent and print its API key (shown once)."""
    from myrtille.web.auth import AgentExists, create_agent

    try:
        agent, key = create_agent(app.database, name, email)
    except AgentExists:
        err.print(say("An agent named '{name}' exists already.", name=name), markup=False)
        sys.exit(1)
    except ValueError:
        err.print(say("An agent needs a name."), markup=False)
        sys.exit(1)
    out.print(say("Agent '{name}' created. Its API key:", name=agent.name), markup=False)
    # Printed alone on its line, so that scripts can take the last line.
    out.print(key, markup=False, highlight=False)
    out.print(
        say(
            "Keep it now: only its hash is stored, it cannot be shown again. "
            "Lost keys are revoked and replaced."
        ),
        markup=False,
    )


@users_group.command(name="list")
@click.pass_obj
@reports_config_errors
def list_command(app: AppContext) -> None:
    """List the agents, their key prefixes and when they last called the API."""
    from myrtille.web.auth import list_agents

    agents = list_agents(app.database)
    if not agents:
        out.print(
            say("No agents yet: {command}", command="myrtille users create-agent NAME"),
            markup=False,
        )
        return
    lang = locale_language()
    table = Table()
    for column in AGENT_COLUMNS:
        table.add_column(say(column))
    for agent in agents:
        used = agent.last_used_at
        table.add_row(
            agent.name,
            agent.email or "",
            f"myr_{agent.key_prefix}_…",
            format_datetime(agent.created_at, lang),
            format_datetime(used, lang) if used else say("never"),
            say("revoked") if agent.revoked else say("active"),
        )
    out.print(table)


@users_group.command(name="revoke")
@click.argument("name")
@click.pass_obj
@reports_config_errors
def revoke_command(app: AppContext, name: str) -> None:
    """Revoke an agent's key: it is refused from the next request on."""
    from myrtille.web.auth import revoke

    if not revoke(app.database, name):
        err.print(say("No active agent named '{name}'.", name=name), markup=False)
        sys.exit(1)
    out.print(
        say("Agent '{name}' revoked; their open sessions are ended.", name=name), markup=False
    )


@users_group.command(name="set-password")
@click.argument("name")
@click.option(
    "--password-stdin",
    is_flag=True,
    help="Read the password from standard input instead of asking (for scripts).",
)
@click.pass_obj
@reports_config_errors
def set_password_command(app: AppContext, name: str, password_stdin: bool) -> None:
    """Set the password an agent signs in to the web UI with."""
    from myrtille.web.auth import MIN_PASSWORD_LENGTH, set_password

    if password_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt(
            say("Password"),
            hide_input=True,
            confirmation_prompt=say("Repeat the password"),
        )
    try:
        changed = set_password(app.database, name, password)
    except ValueError:
        err.print(
            say_n(
                "A password needs at least {n} character.",
                "A password needs at least {n} characters.",
                MIN_PASSWORD_LENGTH,
            ),
            markup=False,
        )
        sys.exit(1)
    if not changed:
        err.print(say("No active agent named '{name}'.", name=name), markup=False)
        sys.exit(1)
    out.print(
        say("Password set for agent '{name}'; their open sessions are ended.", name=name),
        markup=False,
    )
