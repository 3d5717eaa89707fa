"""Notes and tags on a case, for signed-in users: POST forms from the case page.

Each view answers its method first (the POST-only ones give GET a 405), then sends anyone not
signed in to the sign-in page. A note is found only among the user's own (anyone else's is
not found, whoever asks). A refused form is shown again on its own page with a 400, saying
what was wrong; nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.core.validators import slug_unicode_re as slug_re
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_POST

from cases import services
from cases.models import TAG_NAME_MAX_LENGTH, Case, CaseNote, NoteVisibility, Tag
from tracker.admin_tools import row_id

View = Callable[..., HttpResponse]


class NoteForm(forms.Form):
    # The length and emptiness of the text are the service's to check (it counts a line break
    # as one character, as the browser's maxlength does, where the posted text has two).
    body = forms.CharField(label="Note", required=False, strip=False)
    visibility = forms.ChoiceField(
        label="Who sees it",
        choices=NoteVisibility.choices,
        error_messages={
            "required": "Choose who sees the note: only you, or you and the Editors.",
            "invalid_choice": "Choose who sees the note: only you, or you and the Editors.",
        },
    )


class TagForm(forms.Form):
    # Its length and letters are the service's to check, with one message for each.
    name = forms.CharField(label="Tag", required=False)


def _case_url(slug: str, anchor: str = "") -> str:
    return reverse("case-detail", args=[slug]) + (f"#{anchor}" if anchor else "")


def signed_in(view: View) -> View:
    """Send anyone not signed in to the sign-in page, then back to the case (a GET page's own
    address for the note's edit page)."""

    @wraps(view)
    def wrapped(request: HttpRequest, slug: str, **kwargs: Any) -> HttpResponse:
        if not request.user.is_authenticated:
            back = request.get_full_path() if request.method == "GET" else _case_url(slug)
            return redirect_to_login(back)
        return view(request, slug, **kwargs)

    return wrapped


def _case(slug: str) -> Case:
    return get_object_or_404(Case.objects.only("pk", "slug", "short_name"), slug=slug)


def _own_note(request: HttpRequest, slug: str, pk: int) -> CaseNote:
    """The signed-in user's note ``pk`` on the case ``slug``; anyone else's is not found."""
    if row_id(pk) is None:  # more digits than a key has
        raise Http404("You have no note with this address.")
    notes = CaseNote.objects.select_related("case").only(
        *("author", "body", "visibility", "created_at", "updated_at"),
        *("case__slug", "case__short_name"),
    )
    note = notes.filter(pk=pk, case__slug=slug, author=request.user).first()
    if note is None:
        raise Http404("You have no note with this address.")
    return note


def _saved(form: forms.Form, save: Callable[..., Any]) -> bool:
    """Validate ``form`` and call ``save(**cleaned_data)``; a service's refusal becomes the
    form's errors. Return whether it was saved."""
    if not form.is_valid():
        return False
    try:
        save(**form.cleaned_data)
    except ValidationError as error:
        form.add_error(None, error)
        return False
    return True


def _note_page(
    request: HttpRequest, case: Case, form: NoteForm, note: CaseNote | None, status: int = 200
) -> HttpResponse:
    return render(
        request,
        "cases/notes/note_page.html",
        {"nav": "cases", "case": case, "form": form, "note": note},
        status=status,
    )


@require_POST
@signed_in
def note_add(request: HttpRequest, slug: str) -> HttpResponse:
    case = _case(slug)
    form = NoteForm(request.POST)
    if _saved(form, lambda **data: services.note_add(case=case, author=request.user, **data)):
        messages.success(request, "Your note was added.")
        return redirect(_case_url(case.slug, "notes"))
    return _note_page(request, case, form, None, status=400)


@require_http_methods(["GET", "HEAD", "POST"])
@signed_in
def note_edit(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    note = _own_note(request, slug, pk)
    if request.method != "POST":
        form = NoteForm(initial={"body": note.body, "visibility": note.visibility})
        return _note_page(request, note.case, form, note)
    form = NoteForm(request.POST)
    if _saved(form, lambda **data: services.note_update(note=note, user=request.user, **data)):
        messages.success(request, "Your note was saved.")
        return redirect(_case_url(note.case.slug, f"note-{note.pk}"))
    return _note_page(request, note.case, form, note, status=400)


@require_POST
@signed_in
def note_delete(request: HttpRequest, slug: str, pk: int) -> HttpResponse:
    note = _own_note(request, slug, pk)
    services.note_delete(note=note, user=request.user)
    messages.success(request, "Your note was deleted.")
    return redirect(_case_url(note.case.slug, "notes"))


@require_POST
@signed_in
def case_tag_add(request: HttpRequest, slug: str) -> HttpResponse:
    case = _case(slug)
    form = TagForm(request.POST)
    done: dict[str, tuple[Tag, bool, bool]] = {}

    def add(name: str) -> None:
        done["tag"] = services.case_tag_add(case=case, name=name, user=request.user)

    if not _saved(form, add):
        context = {"nav": "cases", "case": case, "form": form}
        return render(request, "cases/notes/tag_page.html", context, status=400)
    tag, created, added = done["tag"]
    if not added:
        messages.info(request, f"This case is tagged {tag.name} already.")
    else:
        new = " (a new tag)" if created else ""
        messages.success(request, f"Tagged {tag.name}{new}.")
    return redirect(_case_url(case.slug, "tags"))


@require_POST
@signed_in
def case_tag_remove(request: HttpRequest, slug: str) -> HttpResponse:
    case = _case(slug)
    given = request.POST.get("tag", "")
    if not given or len(given) > TAG_NAME_MAX_LENGTH or not slug_re.fullmatch(given):
        reason = "The form named no tag to remove."
        return render(request, "400.html", {"reason": reason}, status=400)
    tag = Tag.objects.filter(slug=given).first()
    if tag is None:
        raise Http404("No tag has this address name.")
    if services.case_tag_remove(case=case, tag=tag):
        messages.success(request, f"The tag {tag.name} was removed.")
    else:
        messages.info(request, f"This case was not tagged {tag.name}.")
    return redirect(_case_url(case.slug, "tags"))
