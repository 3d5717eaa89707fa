"""The signed-in user's own subscriptions: list, follow (POST), stop following (DELETE).

By token or session, reader or staff alike; another user's subscription is a 404, and so is a
stopped one. Following and stopping go through the alerts services, as the case page's buttons do.
"""

from __future__ import annotations

from typing import Any

from django.db.models import QuerySet
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.permissions import IsAuthenticated
from rest_framework.request import Request
from rest_framework.response import Response

from alerts import services
from alerts.models import Subscription
from api import selectors
from api.schema import path_parameter
from api.serializers.subscriptions import FollowSerializer, SubscriptionSerializer
from api.views.base import JsonBase

SUBSCRIPTION_ID = path_parameter("id", "The subscription's id")


@extend_schema_view(
    list=extend_schema(summary="The cases you follow"),
    retrieve=extend_schema(summary="One of your subscriptions", parameters=[SUBSCRIPTION_ID]),
    create=extend_schema(
        summary="Follow a case (or change what you hear about one you follow)",
        request=FollowSerializer,
        responses={201: SubscriptionSerializer, 200: SubscriptionSerializer},
        examples=[
            OpenApiExample(
                "Follow a case, every docket entry too",
                value={"case": "thornley-v-clearview-ca7", "docket_entries": True},
                request_only=True,
            )
        ],
    ),
    destroy=extend_schema(
        summary="Stop following a case", parameters=[SUBSCRIPTION_ID], responses={204: None}
    ),
)
class SubscriptionViewSet(
    JsonBase,
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    """Your own subscriptions (by token or session): the cases you follow and what you hear
    about each; anyone else's is not found."""

    queryset = Subscription.objects.none()
    serializer_class = SubscriptionSerializer
    permission_classes = [IsAuthenticated]
    filter_backends: list[Any] = []

    def get_queryset(self) -> QuerySet[Subscription]:
        if getattr(self, "swagger_fake_view", False):
            return self.queryset
        return selectors.subscriptions(self.request.user)

    def create(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        """201 when the case was not followed, 200 when it was (its choices updated)."""
        follow = FollowSerializer(data=request.data)
        follow.is_valid(raise_exception=True)
        case = follow.validated_data["case"]
        following = self.get_queryset().filter(case=case).exists()
        services.subscription_follow(user=request.user, case=case, **follow.choices())
        subscription = self.get_queryset().get(case=case)
        answer = status.HTTP_200_OK if following else status.HTTP_201_CREATED
        return Response(self.get_serializer(subscription).data, status=answer)

    def perform_destroy(self, instance: Subscription) -> None:
        services.subscription_unfollow(subscription=instance)
