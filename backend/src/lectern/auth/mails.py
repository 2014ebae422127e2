"""The words of the account mails."""

from __future__ import annotations

from lectern.kit.queue import JobBuffer
from lectern.notifications.service import queue_email


def send_verification(jobs: JobBuffer, *, to: str, name: str, link: str, hours: int) -> None:
    queue_email(
        jobs,
        to=to,
        subject="Confirm your email for Lectern",
        link=link,
        text=(
            f"Hello {name},\n\nConfirm your email address to finish creating your Lectern "
            f"account:\n\n{link}\n\nThe link works once and for {hours} hours. If you did not "
            "create an account, ignore this mail and nothing will happen.\n"
        ),
    )


def send_already_registered(jobs: JobBuffer, *, to: str, sign_in: str, reset: str) -> None:
    queue_email(
        jobs,
        to=to,
        subject="You already have a Lectern account",
        link=sign_in,
        text=(
            "Someone, probably you, tried to create a Lectern account with this address, "
            f"but it already has one.\n\nSign in:\n\n{sign_in}\n\nForgot your password? "
            f"Reset it:\n\n{reset}\n\nIf it was not you, ignore this mail.\n"
        ),
    )


def send_password_reset(jobs: JobBuffer, *, to: str, name: str, link: str, minutes: int) -> None:
    queue_email(
        jobs,
        to=to,
        subject="Reset your Lectern password",
        link=link,
        text=(
            f"Hello {name},\n\nChoose a new password here:\n\n{link}\n\nThe link works once and "
            f"for {minutes} minutes. Resetting signs you out everywhere. If you did not ask, "
            "ignore this mail: your password stays as it is.\n"
        ),
    )


def send_email_change(jobs: JobBuffer, *, to: str, name: str, link: str, hours: int) -> None:
    queue_email(
        jobs,
        to=to,
        subject="Confirm your new email for Lectern",
        link=link,
        text=(
            f"Hello {name},\n\nConfirm that this is your new Lectern sign-in address:\n\n{link}"
            f"\n\nThe link works once and for {hours} hours. Until then your old address stays "
            "in use.\n"
        ),
    )


def send_email_changed_notice(jobs: JobBuffer, *, to: str, new_email: str) -> None:
    queue_email(
        jobs,
        to=to,
        subject="Your Lectern email was changed",
        text=(
            f"The sign-in address of your Lectern account is now {new_email}. If you did not "
            "make this change, reset your password at once and contact the school.\n"
        ),
    )


def send_password_changed_notice(jobs: JobBuffer, *, to: str) -> None:
    queue_email(
        jobs,
        to=to,
        subject="Your Lectern password was changed",
        text=(
            "The password of your Lectern account was just changed and your other devices were "
            "signed out. If this was not you, reset your password now.\n"
        ),
    )
